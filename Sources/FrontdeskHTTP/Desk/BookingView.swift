import Foundation
import FrontdeskCore

/// What the `booking` template shows of a booking: its lines with their stamps and buttons, the
/// buttons legal for the whole booking now, its invoice with its payments, and its audit trail.
/// (Mustache reads stored properties only.)
struct BookingView {
    struct Action {
        var label: String
        var path: String
        /// The version `If-Match` names, for what has one.
        var version: Int?
        /// The JSON body the button sends.
        var body: String
        /// Whether the button asks for a reason first (an undo).
        var asks: Bool
    }

    struct Line {
        var resource: String
        var window: String
        var state: String
        var checkedIn: String
        var checkedOut: String
        var amount: String
        var actions: [Action]
    }

    struct InvoiceLine {
        var description: String
        var gross: String
    }

    struct PaymentRow {
        var when: String
        var direction: String
        var method: String
        var amount: String
    }

    struct DepositRow {
        var when: String
        var method: String
        var amount: String
        var held: String
        var status: String
        /// Capture and release, while some of it is held.
        var actions: [Action]
    }

    struct InvoiceView {
        var id: String
        var title: String
        var status: String
        var lines: [InvoiceLine]
        var total: String
        var paid: String
        var balance: String
        var payments: [PaymentRow]
        var hasPayments: Bool
        var deposits: [DepositRow]
        var hasDeposits: Bool
        var open: Bool
        /// A deposit can be held while the invoice is open.
        var takesDeposit: Bool
        var decimals: Int
        var due: String
    }

    struct AuditRow {
        var when: String
        var action: String
        var actor: String
        var reason: String?
    }

    var user: DeskPages.UserView
    var number: String
    var status: String
    var guest: String
    var window: String
    var notes: String?
    var version: Int
    var actions: [Action]
    var lines: [Line]
    var invoice: InvoiceView?
    /// The return form (a rental back, with damage charged): while the booking can be checked out.
    var returnPath: String?
    var audit: [AuditRow]
    var hasAudit: Bool

    init(user: DeskPages.UserView, booking: Booking, invoice: Invoice?, audit: [AuditEntry]?, zone: TimeZone) {
        self.user = user
        number = booking.number
        status = TodayView.label(booking.status)
        guest = booking.memberName ?? "—"
        func local(_ instant: Date?) -> String { instant.map { TodayView.local($0, on: nil, in: zone) } ?? "" }
        window = local(booking.window.start) + " → " + local(booking.window.end)
        notes = booking.notes
        version = booking.version
        let base = "/api/v1/bookings/\(booking.id.text)/"
        actions = booking.allowedActions.map { button in
            switch button {
            case .step(let action):
                Action(label: TodayView.label(action), path: base + action.rawValue.replacingOccurrences(of: "_", with: "-"),
                       version: booking.version, body: "{}", asks: false)
            case .revert:
                Action(label: "Undo last step", path: base + "revert", version: booking.version, body: "{}", asks: true)
            }
        }
        let currency = booking.currency
        lines = booking.lines.map { line in
            var actions: [Action] = []
            let only = "{\"line_ids\":[\"\(line.id.text)\"]}"
            if line.state == .reserved, booking.allowedActions.contains(.step(.checkIn)), booking.lines.count > 1 {
                actions.append(Action(label: "Check in", path: base + "check-in", version: booking.version, body: only, asks: false))
            }
            if line.state == .occupied, booking.allowedActions.contains(.step(.checkOut)), booking.lines.count > 1 {
                actions.append(Action(label: "Check out", path: base + "check-out", version: booking.version, body: only, asks: false))
            }
            return Line(resource: line.resourceName ?? line.resourceID.text,
                        window: local(line.window.start) + " → " + local(line.window.end),
                        state: line.overdue ? "overdue" : line.state.rawValue, checkedIn: local(line.checkedInAt),
                        checkedOut: local(line.checkedOutAt), amount: Currency.format(line.amount, currency), actions: actions)
        }
        self.invoice = invoice.map { invoice in
            InvoiceView(
                id: invoice.id.text, title: invoice.number ?? "Invoice (open)", status: invoice.status.rawValue,
                lines: invoice.lines.map { InvoiceLine(description: $0.line.description, gross: Currency.format($0.gross, invoice.currency)) },
                total: Currency.format(invoice.totalAmount, invoice.currency), paid: Currency.format(invoice.paid, invoice.currency),
                balance: Currency.format(invoice.balance, invoice.currency),
                payments: invoice.payments.map { payment in
                    PaymentRow(when: local(payment.createdAt), direction: payment.direction.rawValue, method: payment.method.rawValue,
                               amount: Currency.format(payment.amount, invoice.currency))
                },
                hasPayments: !invoice.payments.isEmpty,
                deposits: invoice.deposits.map { deposit in
                    let path = "/api/v1/deposits/\(deposit.id.text)/"
                    return DepositRow(
                        when: local(deposit.createdAt), method: deposit.method.rawValue,
                        amount: Currency.format(deposit.amount, deposit.currency), held: Currency.format(deposit.held, deposit.currency),
                        status: deposit.status.rawValue,
                        actions: deposit.held == 0 ? [] : [
                            Action(label: "Capture", path: path + "capture", version: nil, body: "{}", asks: false),
                            Action(label: "Release", path: path + "release", version: nil, body: "{}", asks: false),
                        ])
                },
                hasDeposits: !invoice.deposits.isEmpty,
                open: invoice.status != .cancelled && invoice.balance > 0, takesDeposit: invoice.status == .open,
                decimals: Currency.decimals(invoice.currency),
                due: Currency.format(invoice.balance, invoice.currency).replacingOccurrences(of: ",", with: ""))
        }
        returnPath = booking.allowedActions.contains(.step(.checkOut)) ? base + "return" : nil
        hasAudit = audit != nil
        self.audit = (audit ?? []).map { entry in
            AuditRow(when: local(entry.createdAt), action: entry.action.replacingOccurrences(of: "_", with: " "),
                     actor: entry.actor.name + " (" + entry.actor.type.replacingOccurrences(of: "_", with: " ") + ")",
                     reason: entry.reason)
        }
    }
}
