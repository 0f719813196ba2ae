import Foundation
import FrontdeskCore
import FrontdeskEngine

/// What the `settings` template shows, each part to those who may see it: the organization, its
/// locations and resources (with forms to add them), its users and API keys (an invitation's link
/// and a key's secret are shown once, when made), its actions and their webhook deliveries (a
/// failed one retried).
struct SettingsView {
    struct Place {
        var id: String
        var name: String
        var timeZone: String
        var resources: String
    }

    struct Person {
        var name: String
        var email: String
        var role: String
        var locations: String
        var status: String
    }

    struct Key {
        var name: String
        var role: String
        var prefix: String
        var created: String
        var deletePath: String
    }

    struct Hook {
        var trigger: String
        var type: String
        var url: String
    }

    struct Delivery {
        var id: String
        var event: String
        var url: String
        var status: String
        var attempts: Int
        var last: String
        var retryPath: String?
    }

    struct Choice {
        var value: String
        var label: String
    }

    static let template = """
        {{<layout}}{{$title}}Settings · Frontdesk{{/title}}{{$main}}
        <h1>Settings <small>{{organization}}</small></h1>
        <p>Currency {{currency}} · time zone {{timeZone}}</p>
        <h2 id="locations">Locations and resources</h2>
        <table><thead><tr><th scope="col">Location</th><th scope="col">Time zone</th><th scope="col">Resources</th></tr></thead>
        <tbody>{{#places}}<tr><td>{{name}}</td><td>{{timeZone}}</td><td>{{resources}}</td></tr>{{/places}}</tbody></table>
        {{#writesLocations}}
        <form class="inline" id="new-location" data-api="/api/v1/locations" data-next="reload">
        <label>New location <input name="name" required></label>
        <label>Time zone <input name="timezone" placeholder="Europe/Lisbon"></label>
        <button type="submit">Add location</button><p class="error" role="alert" hidden></p>
        </form>
        {{/writesLocations}}
        {{#writesResources}}
        <form class="inline" id="new-resource" data-api="/api/v1/resources" data-next="reload">
        <label>At <select name="location_id">{{#places}}<option value="{{id}}">{{name}}</option>{{/places}}</select></label>
        <label>New resource <input name="name" required></label>
        <label>Kind <input name="kind" placeholder="room" required></label>
        <label>Rate <input name="rate_amount" inputmode="decimal" data-decimals="{{decimals}}" required></label>
        <label>Per <select name="rate_unit">{{#rateUnits}}<option value="{{value}}">{{label}}</option>{{/rateUnits}}</select></label>
        <button type="submit">Add resource</button><p class="error" role="alert" hidden></p>
        </form>
        {{/writesResources}}
        {{#managesUsers}}
        <h2 id="users">Users</h2>
        <table><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Locations</th><th scope="col">Status</th></tr></thead>
        <tbody>{{#users}}<tr><td>{{name}}</td><td>{{email}}</td><td>{{role}}</td><td>{{locations}}</td><td>{{status}}</td></tr>{{/users}}</tbody></table>
        <form class="inline" id="new-user" data-api="/api/v1/users" data-show="invite_url">
        <label>Name <input name="name" required></label>
        <label>Email <input type="email" name="email" required></label>
        <label>Role <select name="role">{{#roles}}<option value="{{value}}">{{label}}</option>{{/roles}}</select></label>
        <fieldset><legend>Only at (none: every location)</legend>{{#places}}<label class="pick"><input type="checkbox" name="location_ids" value="{{id}}" data-list> {{name}}</label>{{/places}}</fieldset>
        <button type="submit">Invite</button><p class="error" role="alert" hidden></p>
        <p class="shown" hidden>Send this link to the new user (it is shown once): <output></output></p>
        </form>
        {{/managesUsers}}
        {{#managesKeys}}
        <h2 id="keys">API keys</h2>
        <table><thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Prefix</th><th scope="col">Made</th><th scope="col"><span class="hidden">Action</span></th></tr></thead>
        <tbody>{{#keys}}<tr><td>{{name}}</td><td>{{role}}</td><td>{{prefix}}</td><td>{{created}}</td><td><button type="button" class="act" data-method="DELETE" data-path="{{deletePath}}" data-ask="confirm">Revoke</button><p class="error" role="alert" hidden></p></td></tr>{{/keys}}</tbody></table>
        <form class="inline" id="new-key" data-api="/api/v1/api-keys" data-show="secret">
        <label>Name <input name="name" required></label>
        <label>Role <select name="role">{{#roles}}<option value="{{value}}">{{label}}</option>{{/roles}}</select></label>
        <button type="submit">Make key</button><p class="error" role="alert" hidden></p>
        <p class="shown" hidden>The key's secret (shown once): <output></output></p>
        </form>
        {{/managesKeys}}
        {{#readsSettings}}
        <h2 id="actions">Actions</h2>
        {{^hooks}}<p class="empty">No action yet (POST /api/v1/actions).</p>{{/hooks}}
        {{#hasHooks}}<table><thead><tr><th scope="col">On</th><th scope="col">Does</th><th scope="col">To</th></tr></thead>
        <tbody>{{#hooks}}<tr><td>{{trigger}}</td><td>{{type}}</td><td>{{url}}</td></tr>{{/hooks}}</tbody></table>{{/hasHooks}}
        <h2 id="deliveries">Webhook deliveries <small>the latest {{deliveryCount}}</small></h2>
        {{^deliveries}}<p class="empty">No delivery yet.</p>{{/deliveries}}
        {{#hasDeliveries}}<table id="delivery-list"><thead><tr><th scope="col">Event</th><th scope="col">To</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col"><span class="hidden">Action</span></th></tr></thead>
        <tbody>{{#deliveries}}<tr id="delivery-{{id}}"><td>{{event}}</td><td>{{url}}</td><td>{{status}}</td><td>{{attempts}}</td><td>{{last}}</td><td>{{#retryPath}}<button type="button" class="act" data-path="{{retryPath}}">Retry</button><p class="error" role="alert" hidden></p>{{/retryPath}}</td></tr>{{/deliveries}}</tbody></table>{{/hasDeliveries}}
        {{/readsSettings}}
        {{/main}}{{/layout}}
        """

    var user: DeskPages.UserView
    var organization: String
    var currency: String
    var timeZone: String
    var decimals: Int
    var places: [Place]
    var writesLocations: Bool
    var writesResources: Bool
    var rateUnits: [Choice]
    var managesUsers: Bool
    var users: [Person]
    var roles: [Choice]
    var managesKeys: Bool
    var keys: [Key]
    var readsSettings: Bool
    var hooks: [Hook]
    var hasHooks: Bool
    var deliveries: [Delivery]
    var hasDeliveries: Bool
    var deliveryCount: Int

    /// What the caller may not read is nil (users, keys, actions and deliveries).
    init(user: DeskPages.UserView, caller: Caller, organization: Organization, locations: [Location], resources: [Resource],
         users: [User]?, keys: [APIKey]?, actions: [Action]?, deliveries: [WebhookDelivery]?) {
        self.user = user
        self.organization = organization.name
        currency = organization.currency
        timeZone = organization.timeZone
        decimals = Currency.decimals(organization.currency)
        let names = Dictionary(locations.map { ($0.id, $0.name) }) { first, _ in first }
        places = locations.map { location in
            Place(id: location.id.text, name: location.name, timeZone: location.timeZone ?? organization.timeZone + " (the organization's)",
                  resources: resources.filter { $0.locationID == location.id }.map(\.name).joined(separator: ", "))
        }
        writesLocations = caller.permissions.contains(.locationWrite) && caller.locationIDs == nil
        writesResources = caller.permissions.contains(.resourceWrite) && !locations.isEmpty
        rateUnits = RateUnit.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue) }
        managesUsers = users != nil
        self.users = (users ?? []).map { person in
            Person(name: person.name, email: person.email, role: person.role.rawValue.replacingOccurrences(of: "_", with: " "),
                   locations: person.locationIDs.isEmpty ? "all" : person.locationIDs.map { names[$0] ?? $0.text }.joined(separator: ", "),
                   status: person.status)
        }
        roles = Role.allCases.reversed().filter { caller.role.mayGrant($0) }  // the weakest first, chosen unless changed
            .map { Choice(value: $0.rawValue, label: $0.rawValue.replacingOccurrences(of: "_", with: " ")) }
        managesKeys = keys != nil
        let zone = TimeZone(identifier: organization.timeZone) ?? TimeZone(identifier: "UTC")!
        self.keys = (keys ?? []).map { key in
            Key(name: key.name, role: key.role.rawValue.replacingOccurrences(of: "_", with: " "), prefix: key.prefix,
                created: TodayView.local(key.createdAt, on: nil, in: zone), deletePath: "/api/v1/api-keys/\(key.id.text)")
        }
        readsSettings = actions != nil
        hooks = (actions ?? []).map { Hook(trigger: $0.trigger.rawValue, type: $0.type.rawValue, url: $0.url ?? "") }
        hasHooks = !hooks.isEmpty
        self.deliveries = (deliveries ?? []).map { delivery in
            Delivery(id: delivery.id.text, event: delivery.eventType.rawValue, url: delivery.url, status: delivery.status.rawValue,
                     attempts: delivery.attempts,
                     last: delivery.lastStatusCode.map { "HTTP \($0)" } ?? delivery.lastError ?? "",
                     retryPath: delivery.status == .failed ? "/api/v1/webhook-deliveries/\(delivery.id.text)/retry" : nil)
        }
        hasDeliveries = !self.deliveries.isEmpty
        deliveryCount = self.deliveries.count
    }
}
