import Foundation
import FrontdeskCore

/// What the `member` template shows: a member's attendance now (`MemberStats`: streaks,
/// engagement, loyalty) and their visits month by month.
struct MemberView {
    struct Figure {
        var label: String
        var value: String
    }

    struct Month {
        var month: String
        var visits: Int
        var days: Int
        var hours: String
    }

    static let template = """
        {{<layout}}{{$title}}{{name}} · Frontdesk{{/title}}{{$main}}
        <h1>{{name}} <small>{{engagement}}</small></h1>
        <dl class="figures" id="member-stats">{{#figures}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/figures}}</dl>
        <h2>Month by month</h2>
        {{^months}}<p class="empty">No visit yet.</p>{{/months}}
        {{#hasMonths}}<table><thead><tr><th scope="col">Month</th><th scope="col">Visits</th><th scope="col">Days</th><th scope="col">Time</th></tr></thead>
        <tbody>{{#months}}<tr><td>{{month}}</td><td>{{visits}}</td><td>{{days}}</td><td>{{hours}}</td></tr>{{/months}}</tbody></table>{{/hasMonths}}
        {{/main}}{{/layout}}
        """

    var user: DeskPages.UserView
    var name: String
    var engagement: String
    var figures: [Figure]
    var months: [Month]
    var hasMonths: Bool

    init(user: DeskPages.UserView, member: Member, stats: MemberStats, history: [MonthOfVisits]) {
        self.user = user
        name = member.name
        engagement = stats.engagement.rawValue.replacingOccurrences(of: "_", with: " ")
        figures = [
            Figure(label: "Visits", value: "\(stats.totalVisits)"),
            Figure(label: "This month", value: "\(stats.visitsThisMonth)"),
            Figure(label: "Current streak", value: "\(stats.currentStreak) days"),
            Figure(label: "Longest streak", value: "\(stats.longestStreak) days"),
            Figure(label: "Loyalty", value: "\(stats.loyaltyScore) / 100"),
            Figure(label: "Usually comes", value: stats.favoriteTimeSlot?.rawValue ?? "—"),
            Figure(label: "Average visit", value: stats.averageMinutes.map(ReportsView.hours) ?? "—"),
            Figure(label: "Last visit", value: stats.lastVisitDay?.description ?? "—"),
        ]
        months = history.reversed().map { Month(month: $0.month, visits: $0.visits, days: $0.days, hours: ReportsView.hours($0.minutes)) }
        hasMonths = !months.isEmpty
    }
}
