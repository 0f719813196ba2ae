import FrontdeskCore
import Testing

/// Which URLs a webhook may target: every textual form of a non-public address is refused, as is
/// `localhost`; public addresses and names pass (a name's addresses are checked at delivery).
@Suite struct WebhookTargetTests {
    /// Loopback, private and reserved targets, in every form a resolver accepts.
    static let refused = [
        // 127.0.0.1: dotted, trailing dot, short, integer, hex, octal, mixed
        "http://127.0.0.1/", "http://127.0.0.1./", "http://127.1/", "http://127.0.1/", "http://127.255.255.254/",
        "http://2130706433/", "http://0x7f000001/", "http://0X7F000001/", "http://017700000001/", "http://0177.0.0.1/",
        "http://0x7f.1/", "http://0x7f.0.0.0x1/", "http://127.000.000.001/", "http://0177.0000.0000.0001:8080/x",
        "http://127.0.0.1%2e/", "http://%31%32%37.0.0.1/", "http://127。0。0。1/",
        // ::1 and IPv6 forms that carry 127.0.0.1
        "http://[::1]/", "http://[0:0:0:0:0:0:0:1]:8080/", "http://[0::1]:1/", "http://[::0:1]/",
        "http://[0000:0000:0000:0000:0000:0000:0000:0001]/", "http://[::ffff:7f00:1]:9000/x", "http://[::FFFF:7F00:1]/",
        "http://[::ffff:127.0.0.1]/", "http://[0:0:0:0:0:ffff:127.0.0.1]/", "http://[::127.0.0.1]/", "http://[::7f00:1]/",
        "http://[::ffff:0:7f00:1]/", "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::127.0.0.1]/", "http://[2002:7f00:1::]/",
        // names that are loopback by definition
        "http://localhost/", "http://localhost./", "http://LOCALHOST/", "https://LocalHost.:8443/", "http://api.localhost/",
        "http://a.b.LOCALHOST./", "http://ｌｏｃａｌｈｏｓｔ/",
        // unspecified
        "http://0.0.0.0/", "http://0/", "http://0x0/", "http://[::]/", "http://[::ffff:0.0.0.0]/",
        // private, in several forms and carried by IPv6
        "http://10.0.0.1/", "http://167772161/", "http://0xa000001/", "http://012.0.0.1/", "http://10.1/",
        "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/", "http://0xc0.0xa8.1.1/", "http://3232235777/",
        "http://[::ffff:10.0.0.1]/", "http://[::ffff:c0a8:101]/", "http://[64:ff9b::a00:1]/", "http://[2002:c0a8:101::1]/",
        // carrier-grade NAT, link-local, IETF protocol assignments, benchmarking, documentation
        "http://100.64.0.1/", "http://100.127.255.254/", "http://169.254.169.254/latest", "http://[fe80::1]/",
        "http://[FE80::1]/", "http://[febf::1]/", "http://[::ffff:169.254.169.254]/", "http://192.0.0.1/",
        "http://192.0.0.170/", "http://198.18.0.1/", "http://198.19.255.255/", "http://192.0.2.1/", "http://198.51.100.1/",
        "http://203.0.113.9/", "http://192.88.99.1/", "http://[2001:db8::1]/", "http://[3fff::1]/",
        // multicast, reserved, broadcast
        "http://224.0.0.1/", "http://239.255.255.250/", "http://[ff02::1]/", "http://[ff05::fb]/", "http://240.0.0.1/",
        "http://255.255.255.255/", "http://4294967295/", "http://[::ffff:255.255.255.255]/",
        // unique-local, site-local, local-use NAT64, Teredo, discard-only, outside global unicast
        "http://[fc00::1]/", "http://[fd12:3456:789a::1]/", "http://[fec0::1]/", "http://[feff::1]/",
        "http://[64:ff9b:1::5db8:d822]/", "http://[2001::1]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
        "http://[100::1]/", "http://[4000::1]/",
    ]

    /// Public addresses (also written as numbers, or carried by IPv6) and names.
    static let allowed = [
        "http://93.184.216.34/", "http://93.184.216.34./", "http://1572395042/", "http://0x5db8d822/", "http://8.8.8.8/",
        "http://1.1.1.1:8080/hook", "http://172.32.0.1/", "http://100.128.0.1/", "http://198.20.0.1/", "http://11.0.0.1/",
        "http://[2606:4700::1111]/", "http://[2606:4700:4700:0:0:0:0:1111]/", "http://[::ffff:93.184.216.34]/",
        "http://[64:ff9b::808:808]/", "http://[2002:808:808::1]/", "http://[2a00:1450:4001:80b::200e]/",
        "https://example.com/", "https://hooks.example.com:8443/frontdesk", "http://EXAMPLE.COM./", "http://localhost.example.com/",
        "http://notlocalhost/", "http://my-localhost.com/", "http://xn--mnchen-3ya.de/", "http://münchen.de/", "http://under_score.example/",
    ]

    /// Hosts that are neither an address nor a name.
    static let invalidHosts = [
        "http://1.2.3.4.5/", "http://256.0.0.1/", "http://1.2.3.256/", "http://1.2.65536/", "http://4294967296/",
        "http://0x100000000/", "http://09.0.0.1/", "http://0xg.0.0.1/", "http://example.123/", "http://example.0x1/",
        "http://[1::2::3]/", "http://[fe80::1%25eth0]/", "http://[2606:4700::1111%25eth0]/", "http://[::ffff:127.0.0.01]/",
        "http://[12345::1]/", "http://[1:2:3:4:5:6:7:8:9]/", "http://[1:2:3:4:5:6:7]/", "http://[::ffff:1.2.3]/",
        "http://a..b/", "http://127.0.0.1../", "http://ex%25ample.com/", "http://ex%20ample.com/",
    ]

    static let notHTTP = [
        "ftp://example.com/", "ftp://127.0.0.1/", "file:///etc/passwd", "http:///x", "/relative", "not a url",
        "http+unix://%2Ftmp%2Fsock/x", "javascript:alert(1)", "", "//example.com/x",
    ]

    @Test(arguments: refused)
    func aNonPublicTargetIsRefusedInEveryForm(_ url: String) {
        #expect(WebhookTarget.problem(url, allowPrivate: false) == WebhookTarget.privateHost)
        #expect(WebhookTarget.problem(url, allowPrivate: true) == nil)
    }

    @Test(arguments: allowed)
    func aPublicAddressOrANameIsAllowed(_ url: String) {
        #expect(WebhookTarget.problem(url, allowPrivate: false) == nil)
    }

    @Test(arguments: invalidHosts)
    func aHostThatIsNeitherAnAddressNorANameIsRefused(_ url: String) {
        #expect(WebhookTarget.problem(url, allowPrivate: false) == WebhookTarget.invalidHost)
        #expect(WebhookTarget.problem(url, allowPrivate: true) == WebhookTarget.invalidHost)
    }

    @Test(arguments: notHTTP)
    func anythingButAnAbsoluteHTTPURLIsRefused(_ url: String) {
        #expect(WebhookTarget.problem(url, allowPrivate: true) == WebhookTarget.notHTTP)
    }

    @Test func ipv4IsReadTheWayResolversReadIt() {
        let loopback = IPAddress(ipv4: 0x7f00_0001)
        for text in ["127.0.0.1", "127.1", "127.0.1", "2130706433", "0x7f000001", "017700000001", "0x7F.0.0.01", "127.0.0.1."] {
            #expect(IPAddress(ipv4: text) == loopback, "\(text)")
        }
        #expect(IPAddress(ipv4: "0x")?.description == "0.0.0.0")
        #expect(IPAddress(ipv4: "1.0x")?.description == "1.0.0.0")
        #expect(IPAddress(ipv4: "255.255.255.255")?.description == "255.255.255.255")
        #expect(IPAddress(ipv4: "1.16777215")?.description == "1.255.255.255")
        for text in ["", ".", "1..1", "1.2.3.4.5", "256.1", "1.16777216", "08", "0x1g", "+1", "-1", "1 ", "１２７.0.0.1", "a.b"] {
            #expect(IPAddress(ipv4: text) == nil, "\(text)")
        }
    }

    @Test func ipv6IsReadInEveryTextFormAndWrittenAsRFC5952() {
        let loopback = IPAddress(bytes: Array(repeating: 0, count: 15) + [1])
        for text in ["::1", "[::1]", "0::1", "0:0:0:0:0:0:0:1", "0000:0000:0000:0000:0000:0000:0000:0001", "::0.0.0.1"] {
            #expect(IPAddress(ipv6: text) == loopback, "\(text)")
        }
        let written = [("::ffff:127.0.0.1", "::ffff:7f00:1"), ("2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1"), ("::", "::"),
                       ("1:0:0:2:0:0:0:3", "1:0:0:2::3"), ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"), ("1::", "1::"),
                       ("1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7")]
        for (text, canonical) in written { #expect(IPAddress(ipv6: text)?.description == canonical, "\(text)") }
        for text in ["", ":", ":::", "1:::2", "1::2::3", "::1%lo", "fe80::1%eth0", "12345::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
                     ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "::1.2.3", "1.2.3.4::", "::01.2.3.4", "::g", "127.0.0.1", "[::1"] {
            #expect(IPAddress(ipv6: text) == nil, "\(text)")
        }
    }

    @Test func anIPv6AddressThatCarriesAnIPv4OneIsClassifiedByIt() {
        let carried = [("::ffff:10.1.2.3", "10.1.2.3"), ("::10.1.2.3", "10.1.2.3"), ("::ffff:0:a01:203", "10.1.2.3"),
                       ("64:ff9b::a01:203", "10.1.2.3"), ("2002:a01:203::1", "10.1.2.3"), ("2002:5db8:d822:1::", "93.184.216.34")]
        for (text, ipv4) in carried { #expect(IPAddress(ipv6: text)?.embeddedIPv4?.description == ipv4, "\(text)") }
        for text in ["2606:4700::1111", "64:ff9b:1::a01:203", "fe80::1", "1::ffff:a01:203"] {
            #expect(IPAddress(ipv6: text)?.embeddedIPv4 == nil, "\(text)")
        }
        #expect(IPAddress(ipv4: "10.1.2.3")?.embeddedIPv4 == nil)
    }

    @Test func aHostIsAnAddressOrANameWithoutItsTrailingDot() {
        #expect(WebhookHost("Hooks.Example.COM.") == .name("hooks.example.com"))
        #expect(WebhookHost("127.1") == .address(IPAddress(ipv4: 0x7f00_0001)))
        #expect(WebhookHost("[::1]") == IPAddress(ipv6: "::1").map(WebhookHost.address))
        #expect(WebhookHost("localhost.")?.isPrivate == true && WebhookHost("sub.localhost")?.isPrivate == true)
        #expect(WebhookHost("localhost.example")?.isPrivate == false)
        for host in ["", ".", "..", "a..b", "a b", "a/b", "a%b", "a@b", "1.2.3.4.5", "x.08"] { #expect(WebhookHost(host) == nil, "\(host)") }
    }
}
