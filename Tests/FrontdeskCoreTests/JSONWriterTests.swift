import Foundation
import FrontdeskCore
import Testing

@Suite struct JSONWriterTests {
    @Test(arguments: ["", "plain", "quote \" and backslash \\", "line\nbreak\ttab\r", "\u{01}\u{1f}", "é ✓ 🛎️", "a/b"])
    func stringsRoundTrip(_ text: String) throws {
        var json = JSONWriter()
        json.array([text]) { json, text in json.string(text) }
        let decoded = try #require(try JSONSerialization.jsonObject(with: json.data) as? [String])
        #expect(decoded == [text])
    }

    @Test func commasAndNesting() throws {
        var json = JSONWriter()
        json.object { json in
            json.key("a"); json.int(1)
            json.key("b"); json.array([1, 2, 3]) { json, n in json.int(n) }
            json.key("c"); json.object { json in
                json.key("d"); json.null()
                json.member("e f"); json.bool(false)
            }
            json.key("g"); json.array([[String]](), { json, _ in json.null() })
            json.key("h"); json.raw(Array(#"{"x":[]}"#.utf8))
            json.key("i"); json.double(2.5)
            json.key("j"); json.null()
        }
        #expect(String(decoding: json.data, as: UTF8.self)
            == #"{"a":1,"b":[1,2,3],"c":{"d":null,"e f":false},"g":[],"h":{"x":[]},"i":2.5,"j":null}"#)
    }

    @Test(arguments: [0, 7, -7, 10, 1_234_567_890, Int.max, Int.min])
    func integers(_ value: Int) {
        var json = JSONWriter()
        json.int(value)
        #expect(String(decoding: json.data, as: UTF8.self) == String(value))
    }

    @Test func instantsAndIds() throws {
        var json = JSONWriter()
        let id = UUID()
        json.array([0]) { json, _ in
            json.instant(Date(timeIntervalSince1970: 1_790_000_000.5))
            json.uuid(id)
        }
        #expect(String(decoding: json.data, as: UTF8.self) == #"["2026-09-21T14:13:20.500Z",""# + id.text + #""]"#)
    }
}
