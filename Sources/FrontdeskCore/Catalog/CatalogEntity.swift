/// A catalog entity (location, resource, member) and the name errors call it by.
public protocol CatalogEntity {
    static var entityName: String { get }
}

extension Location: CatalogEntity {
    public static let entityName = "location"
}

extension Resource: CatalogEntity {
    public static let entityName = "resource"
}

extension Member: CatalogEntity {
    public static let entityName = "member"
}

extension Action: CatalogEntity {
    public static let entityName = "action"
}
