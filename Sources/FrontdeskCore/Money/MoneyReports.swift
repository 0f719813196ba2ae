import Foundation

/// The money taken over a period: payments and refunds by location, local day (in the location's
/// time zone, else the organization's) and method, as a desk counts its till.
public struct TakingsReport: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var day: LocalDate
        public var locationID: UUID
        public var method: Payment.Method
        public var paid: Int
        public var refunded: Int
        public var count: Int

        public var net: Int { paid - refunded }
    }

    public var query: ActivityQuery
    public var currency: String
    /// By day, then location id, then method.
    public var rows: [Row]

    /// `payments` (those of `query`'s period and location) counted on the local day `zones` gives
    /// their location (`fallback` for one not listed).
    public init(_ payments: [Payment], query: ActivityQuery, currency: String, zones: [UUID: TimeZone],
                fallback: TimeZone) {
        var rows: [String: Row] = [:]
        for payment in payments {
            let day = LocalDate(payment.createdAt, in: zones[payment.locationID] ?? fallback)
            let key = "\(day) \(payment.locationID.text) \(payment.method.rawValue)"
            var row = rows[key] ?? Row(day: day, locationID: payment.locationID, method: payment.method, paid: 0,
                                       refunded: 0, count: 0)
            if payment.direction == .payment { row.paid += payment.amount } else { row.refunded += payment.amount }
            row.count += 1
            rows[key] = row
        }
        self.query = query
        self.currency = currency
        self.rows = rows.sorted { $0.key < $1.key }.map(\.value)
    }

    public var paid: Int { rows.reduce(0) { $0 + $1.paid } }
    public var refunded: Int { rows.reduce(0) { $0 + $1.refunded } }

    public static let csvHeader = ["day", "location_id", "method", "payments", "paid", "refunded", "net"]

    /// CSV (RFC 4180), amounts in major units with the currency's decimals.
    public var csv: String {
        let lines = [Self.csvHeader] + rows.map { row in
            [row.day.description, row.locationID.text, row.method.rawValue, String(row.count),
             Currency.format(row.paid, currency), Currency.format(row.refunded, currency), Currency.format(row.net, currency)]
        }
        return lines.map { $0.map(ActivityReport.field).joined(separator: ",") + "\r\n" }.joined()
    }
}

extension TakingsReport: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("currency"); json.string(currency)
            json.key("from"); json.instant(query.from)
            if let locationID = query.locationID { json.key("location_id"); json.uuid(locationID) }
            json.key("net"); json.int(paid - refunded)
            json.key("paid"); json.int(paid)
            json.key("refunded"); json.int(refunded)
            json.key("rows"); json.array(rows) { json, row in
                json.object { json in
                    json.key("day"); json.string(row.day.description)
                    json.key("location_id"); json.uuid(row.locationID)
                    json.key("method"); json.string(row.method.rawValue)
                    json.key("net"); json.int(row.net)
                    json.key("paid"); json.int(row.paid)
                    json.key("payments"); json.int(row.count)
                    json.key("refunded"); json.int(row.refunded)
                }
            }
            json.key("to"); json.instant(query.to)
        }
    }
}

/// What is still owed, and owed back: every invoice, open or finalized, whose balance is not zero,
/// oldest first.
public struct BalancesReport: Sendable, Hashable {
    public var currency: String
    public var invoices: [Invoice]

    public init(_ invoices: [Invoice], currency: String) {
        self.currency = currency
        self.invoices = invoices.filter { $0.status != .cancelled && $0.balance != 0 }
    }

    public var balance: Int { invoices.reduce(0) { $0 + $1.balance } }

    public static let csvHeader = [
        "invoice_id", "number", "status", "booking_number", "member_name", "total_amount", "paid", "refunded",
        "credited", "balance",
    ]

    /// CSV (RFC 4180), amounts in major units with the currency's decimals.
    public var csv: String {
        let lines = [Self.csvHeader] + invoices.map { invoice in
            [invoice.id.text, invoice.number ?? "", invoice.status.rawValue, invoice.bookingNumber, invoice.memberName ?? "",
             Currency.format(invoice.totalAmount, currency), Currency.format(invoice.paid, currency),
             Currency.format(invoice.refunded, currency), Currency.format(invoice.credited, currency),
             Currency.format(invoice.balance, currency)]
        }
        return lines.map { $0.map(ActivityReport.field).joined(separator: ",") + "\r\n" }.joined()
    }
}

extension BalancesReport: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("balance"); json.int(balance)
            json.key("currency"); json.string(currency)
            json.key("invoices"); json.array(invoices) { json, invoice in
                json.object { json in
                    json.key("balance"); json.int(invoice.balance)
                    json.key("booking_id"); json.uuid(invoice.bookingID)
                    json.key("booking_number"); json.string(invoice.bookingNumber)
                    json.key("credited"); json.int(invoice.credited)
                    json.key("id"); json.uuid(invoice.id)
                    if let memberName = invoice.memberName { json.key("member_name"); json.string(memberName) }
                    if let number = invoice.number { json.key("number"); json.string(number) }
                    json.key("paid"); json.int(invoice.paid)
                    json.key("refunded"); json.int(invoice.refunded)
                    json.key("status"); json.string(invoice.status.rawValue)
                    json.key("total_amount"); json.int(invoice.totalAmount)
                }
            }
        }
    }
}
