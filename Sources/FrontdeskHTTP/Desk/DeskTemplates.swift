import Mustache

/// The web desk's pages, as Mustache templates compiled into the binary (one file to deploy). Each
/// page extends `layout`; text is escaped by Mustache, and the pages carry no inline script (the
/// behaviour is `desk.js`).
enum DeskTemplates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [("layout", layout), ("sign-in", signIn), ("invite", invite), ("today", today),
                             ("today-lists", todayLists), ("booking", booking), ("kiosk", kiosk),
                             ("problem", problem), ("booking-search", BookingSearchView.template),
                             ("new-booking", NewBookingView.template), ("place-nav", PlaceView.template),
                             ("period-form", PeriodView.template), ("calendar", CalendarView.template),
                             ("occupancy", OccupancyView.template), ("reports", ReportsView.template),
                             ("settings", SettingsView.template), ("attendance", AttendanceView.template),
                             ("member", MemberView.template), ("corrections", CorrectionsView.template)] {
            // The templates are this file's constants: one that does not parse fails every test at once.
            try! library.register(text, named: name)
        }
        return library
    }()

    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{$title}}Frontdesk{{/title}}</title>
        <link rel="stylesheet" href="/desk/desk.css">
        <link rel="icon" href="data:,">
        </head>
        <body>
        <header class="bar">
        <a class="brand" href="/">Frontdesk</a>
        {{#user}}<nav class="desk" aria-label="Desk"><a href="/today">Today</a> <a href="/bookings/new">New booking</a> <a href="/calendar">Calendar</a> <a href="/occupancy">Who is in</a> <a href="/attendance">Attendance</a> <a href="/reports">Reports</a> <a href="/settings">Settings</a></nav>
        <form class="search" action="/bookings" method="get" role="search"><label>Find <input name="number" placeholder="BK-2026-0001, a guest, a room" required></label></form>
        <span class="who">{{name}} · {{role}}</span>
        <button id="sign-out" type="button">Sign out</button>{{/user}}
        </header>
        <main>
        {{$main}}{{/main}}
        </main>
        <script src="/desk/desk.js"></script>
        </body>
        </html>
        """

    static let signIn = """
        {{<layout}}{{$title}}Sign in · Frontdesk{{/title}}{{$main}}
        <form class="card" data-api="/api/v1/sessions" data-next="/today">
        <h1>Sign in</h1>
        <label>Email <input name="email" type="email" autocomplete="username" required autofocus></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <p class="error" role="alert" hidden></p>
        <button type="submit">Sign in</button>
        </form>
        {{/main}}{{/layout}}
        """

    static let invite = """
        {{<layout}}{{$title}}Set your password · Frontdesk{{/title}}{{$main}}
        <form class="card" data-api="/api/v1/invitations/accept" data-next="/today">
        <h1>Set your password</h1>
        <input type="hidden" name="token" value="{{token}}">
        <label>Password (10 characters or more) <input name="password" type="password" autocomplete="new-password" minlength="10" required autofocus></label>
        <label>Once more <input name="confirm" type="password" autocomplete="new-password" minlength="10" required></label>
        <p class="error" role="alert" hidden></p>
        <button type="submit">Set it and sign in</button>
        </form>
        {{/main}}{{/layout}}
        """

    static let today = """
        {{<layout}}{{$title}}Today · {{place.name}} · Frontdesk{{/title}}{{$main}}
        {{#hasLocations}}
        {{#place}}{{> place-nav}}{{/place}}
        <div data-stream="{{stream}}" data-types="{{types}}">
        {{> today-lists}}
        </div>
        {{/hasLocations}}
        {{^hasLocations}}<p class="empty">No location yet: create one (POST /api/v1/locations) and its resources.</p>{{/hasLocations}}
        {{/main}}{{/layout}}
        """

    /// The three lists of `today`, read again (`#live`) when the stream says something changed.
    static let todayLists = """
        <div id="live">
        <h1>{{place.name}} <small>{{day}}</small></h1>
        {{#sections}}
        <section aria-labelledby="{{id}}-title">
        <h2 id="{{id}}-title">{{title}} <span class="count">{{count}}</span></h2>
        {{^hasRows}}<p class="empty">{{empty}}</p>{{/hasRows}}
        {{#hasRows}}
        <table>
        <thead><tr><th scope="col">Booking</th><th scope="col">Guest</th><th scope="col">Resources</th><th scope="col">{{timeTitle}}</th><th scope="col">Status</th><th scope="col"><span class="hidden">Action</span></th></tr></thead>
        <tbody>
        {{#rows}}
        <tr id="booking-{{number}}">
        <td><a href="/bookings/{{number}}">{{number}}</a></td><td>{{guest}}</td><td>{{resources}}</td><td>{{when}}</td>
        <td><span class="status {{status}}">{{statusLabel}}</span></td>
        <td>{{#button}}<button type="button" class="act" data-path="{{path}}" data-version="{{version}}">{{label}}</button>{{/button}}
        <p class="error" role="alert" hidden></p></td>
        </tr>
        {{/rows}}
        </tbody>
        </table>
        {{/hasRows}}
        </section>
        {{/sections}}
        </div>
        """

    static let booking = """
        {{<layout}}{{$title}}{{number}} · Frontdesk{{/title}}{{$main}}
        <h1>{{number}} <span class="status">{{status}}</span></h1>
        <p>{{guest}} · {{window}}</p>
        {{#notes}}<p class="notes">{{notes}}</p>{{/notes}}
        <div class="actions">{{#actions}}<button type="button" class="act" data-path="{{path}}" data-version="{{version}}" data-body="{{body}}"{{#asks}} data-ask="reason"{{/asks}}>{{label}}</button> {{/actions}}
        <p class="error" role="alert" hidden></p></div>
        <h2>Lines</h2>
        <table>
        <thead><tr><th scope="col">Resource</th><th scope="col">Booked</th><th scope="col">State</th><th scope="col">Checked in</th><th scope="col">Checked out</th><th scope="col">Price</th><th scope="col"><span class="hidden">Action</span></th></tr></thead>
        <tbody>
        {{#lines}}<tr><td>{{resource}}</td><td>{{window}}</td><td>{{state}}</td><td>{{checkedIn}}</td><td>{{checkedOut}}</td><td>{{amount}}</td>
        <td>{{#actions}}<button type="button" class="act" data-path="{{path}}" data-version="{{version}}" data-body="{{body}}">{{label}}</button>{{/actions}}<p class="error" role="alert" hidden></p></td></tr>
        {{/lines}}
        </tbody>
        </table>
        {{#invoice}}
        <h2>{{title}} <span class="status">{{status}}</span></h2>
        <table>
        <tbody>
        {{#lines}}<tr><td>{{description}}</td><td class="amount">{{gross}}</td></tr>{{/lines}}
        </tbody>
        <tfoot>
        <tr><th scope="row">Total</th><td class="amount">{{total}}</td></tr>
        <tr><th scope="row">Paid</th><td class="amount">{{paid}}</td></tr>
        <tr><th scope="row">Balance</th><td class="amount" id="balance">{{balance}}</td></tr>
        </tfoot>
        </table>
        {{#hasPayments}}<h3>Payments</h3><ul class="payments">{{#payments}}<li>{{when}} · {{direction}} · {{method}} · {{amount}}</li>{{/payments}}</ul>{{/hasPayments}}
        {{#hasDeposits}}<h3>Deposits</h3><ul class="deposits">{{#deposits}}<li>{{when}} · {{method}} · {{amount}} · {{status}} (held {{held}}) {{#actions}}<button type="button" class="act" data-path="{{path}}" data-version="{{version}}" data-body="{{body}}">{{label}}</button> {{/actions}}<p class="error" role="alert" hidden></p></li>{{/deposits}}</ul>{{/hasDeposits}}
        {{#open}}
        <form class="inline" data-api="/api/v1/payments" data-next="reload">
        <input type="hidden" name="invoice_id" value="{{id}}">
        <label>Amount <input name="amount" inputmode="decimal" value="{{due}}" data-decimals="{{decimals}}" required></label>
        <label>Method <select name="method"><option value="card">Card</option><option value="cash">Cash</option><option value="upi">UPI</option><option value="bank_transfer">Bank transfer</option><option value="other">Other</option></select></label>
        <button type="submit">Record payment</button>
        <p class="error" role="alert" hidden></p>
        </form>
        {{/open}}
        {{#takesDeposit}}
        <form class="inline" id="deposit" data-api="/api/v1/bookings/{{number}}/deposit" data-next="reload">
        <label>Deposit <input name="amount" inputmode="decimal" data-decimals="{{decimals}}" required></label>
        <label>Method <select name="method"><option value="card">Card</option><option value="cash">Cash</option><option value="upi">UPI</option><option value="bank_transfer">Bank transfer</option><option value="other">Other</option></select></label>
        <label>Note <input name="reference"></label>
        <button type="submit">Hold deposit</button>
        <p class="error" role="alert" hidden></p>
        </form>
        {{/takesDeposit}}
        {{/invoice}}
        {{#returnPath}}
        <h2>Return</h2>
        <form class="inline" id="return" data-api="{{returnPath}}" data-next="reload">
        <label>Damage <input name="damage.description" placeholder="Scratched frame"></label>
        <label>Charge <input name="damage.amount" inputmode="decimal" data-decimals="{{#invoice}}{{decimals}}{{/invoice}}{{^invoice}}2{{/invoice}}"></label>
        {{#invoice}}{{#hasDeposits}}<label><input type="checkbox" name="capture_deposit"> Capture the deposit</label>{{/hasDeposits}}{{/invoice}}
        <button type="submit">Check out and return</button>
        <p class="error" role="alert" hidden></p>
        </form>
        {{/returnPath}}
        {{#hasAudit}}<h2>History</h2>
        <ol class="audit">{{#audit}}<li>{{when}} · {{action}} · {{actor}}{{#reason}} · “{{reason}}”{{/reason}}</li>{{/audit}}</ol>{{/hasAudit}}
        {{/main}}{{/layout}}
        """

    /// A door's kiosk: a USB scanner types a code and Enter into the one field.
    static let kiosk = """
        {{<layout}}{{$title}}Kiosk · {{place.name}} · Frontdesk{{/title}}{{$main}}
        {{#hasLocations}}
        {{#place}}{{> place-nav}}{{/place}}
        <form id="kiosk" class="kiosk" data-location="{{place.id}}">
        <h1>{{place.name}}</h1>
        <label>Scan your card or type your code <input name="code" autocomplete="off" autofocus required></label>
        <p id="kiosk-answer" class="kiosk-answer" role="status" aria-live="assertive"></p>
        </form>
        {{/hasLocations}}
        {{^hasLocations}}<p class="empty">No location yet: create one (POST /api/v1/locations) and its resources.</p>{{/hasLocations}}
        {{/main}}{{/layout}}
        """

    static let problem = """
        {{<layout}}{{$title}}{{title}} · Frontdesk{{/title}}{{$main}}
        <div class="card" role="alert">
        <h1>{{title}}</h1>
        <p>{{detail}}</p>
        <p><a href="/">Back to the desk</a></p>
        </div>
        {{/main}}{{/layout}}
        """
}
