import Foundation

/// A JSON document as a dictionary, for comparing what a store kept with what was written
/// (a database may reorder keys or reformat the text).
func jsonObject(_ data: Data?) -> NSDictionary? {
    guard let data else { return nil }
    return (try? JSONSerialization.jsonObject(with: data)) as? NSDictionary
}

func sameJSON(_ a: Data?, _ b: Data?) -> Bool {
    guard let a = jsonObject(a), let b = jsonObject(b) else { return false }
    return a.isEqual(b)
}
