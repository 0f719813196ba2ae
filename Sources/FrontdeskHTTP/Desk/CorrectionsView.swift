import Foundation
import FrontdeskCore

/// What the `corrections` template shows: the attendance corrections waiting for a review, with
/// approve and reject (a note asked), and the approved ones waiting to be applied.
struct CorrectionsView {
    struct Row {
        var id: String
        var type: String
        var priority: String
        var status: String
        var reason: String
        var submittedBy: String
        var when: String
        var actions: [BookingView.Action]
    }

    static let template = """
        {{<layout}}{{$title}}Corrections · Frontdesk{{/title}}{{$main}}
        <h1>Corrections <small>{{count}} open</small></h1>
        {{^rows}}<p class="empty">Nothing to review.</p>{{/rows}}
        {{#hasRows}}<table id="corrections"><thead><tr><th scope="col">Type</th><th scope="col">Priority</th><th scope="col">Status</th><th scope="col">Why</th><th scope="col">By</th><th scope="col">When</th><th scope="col"><span class="hidden">Action</span></th></tr></thead>
        <tbody>{{#rows}}<tr id="correction-{{id}}"><td>{{type}}</td><td>{{priority}}</td><td>{{status}}</td><td>{{reason}}</td><td>{{submittedBy}}</td><td>{{when}}</td>
        <td>{{#actions}}<button type="button" class="act" data-path="{{path}}" data-body="{{body}}">{{label}}</button> {{/actions}}<p class="error" role="alert" hidden></p></td></tr>{{/rows}}</tbody></table>{{/hasRows}}
        {{/main}}{{/layout}}
        """

    var user: DeskPages.UserView
    var count: Int
    var rows: [Row]
    var hasRows: Bool

    /// `reviews`: whether the caller may approve, reject and apply.
    init(user: DeskPages.UserView, corrections: [Correction], reviews: Bool, zone: TimeZone) {
        self.user = user
        rows = corrections.map { correction in
            let base = "/api/v1/attendance/corrections/\(correction.id.text)/"
            let steps: [BookingView.Action] = switch correction.status {
            case .pending: [
                BookingView.Action(label: "Approve", path: base + "approve", version: nil, body: "{}", asks: false),
                BookingView.Action(label: "Reject", path: base + "reject", version: nil, body: "{}", asks: false),
            ]
            case .approved: [BookingView.Action(label: "Apply", path: base + "apply", version: nil, body: "{}", asks: false)]
            case .rejected, .applied: []
            }
            let actions = reviews ? steps : []
            return Row(id: correction.id.text, type: correction.type.rawValue.replacingOccurrences(of: "_", with: " "),
                       priority: correction.priority.rawValue, status: correction.status.rawValue, reason: correction.reason,
                       submittedBy: correction.submittedBy.name, when: TodayView.local(correction.createdAt, on: nil, in: zone),
                       actions: actions)
        }
        count = rows.count
        hasRows = !rows.isEmpty
    }
}
