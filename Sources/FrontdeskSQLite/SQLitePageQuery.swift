import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore {
    /// A filtered list of `table` (as `alias`): the rows matching every clause after the page's
    /// cursor, in creation order, one more than the page holds so that `Page` knows whether another
    /// follows; `selecting` its columns, all of them by default. Filters vary, so the statement is
    /// not cached.
    ///
    /// `drivenBy` selects the distinct `id`s of the only rows that can match, found by another index
    /// (those of a window, of a resource), as its `order` says. `CROSS JOIN` keeps SQLite from
    /// walking the whole table in page order instead, testing each row, which its planner may prefer
    /// for a page of a large table.
    static func pageQuery(
        _ table: String, as alias: String, selecting columns: String? = nil, drivenBy driving: Driving? = nil,
        where clauses: [String], _ arguments: [(any DatabaseValueConvertible)?], page: PageRequest
    ) -> (sql: String, arguments: StatementArguments) {
        var clauses = clauses, arguments = arguments, cursorTaken = false
        var from = "\(table) \(alias)", order = alias
        if let driving {
            // The page's order and cursor come from the driving rows when they carry `created_at`.
            var rows = "(\(driving.sql))", rowArguments = driving.arguments
            order = driving.order == .ids ? alias : "driving"
            if driving.order == .sortable, clauses.isEmpty {
                // Nothing else to test: the page is cut from the ids before any row is read.
                var cursor = ""
                if let after = page.after {
                    cursor = " WHERE (created_at, id) > (?, ?)"
                    rowArguments += [after.createdAt.millis, after.id.text]
                }
                rows = "(SELECT * FROM \(rows)\(cursor) ORDER BY created_at, id LIMIT \(page.limit + 1))"
                cursorTaken = true
            }
            from = "\(rows) AS driving CROSS JOIN \(table) \(alias) ON \(alias).id = driving.id"
            arguments = rowArguments + arguments
        }
        if let after = page.after, !cursorTaken {
            clauses.append("(\(order).created_at, \(order).id) > (?, ?)")
            arguments += [after.createdAt.millis, after.id.text]
        }
        let filter = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let sql = "SELECT \(columns ?? "\(alias).*") FROM \(from)\(filter)"
            + " ORDER BY \(order).created_at, \(order).id LIMIT \(page.limit + 1)"
        return (sql, StatementArguments(arguments))
    }

    /// The rows a page is read from (`pageQuery(drivenBy:)`), each once.
    struct Driving {
        var sql: String
        var arguments: [(any DatabaseValueConvertible)?]
        var order: Order = .ids

        enum Order {
            /// `sql` selects `id`s: the page reads every row they name, then sorts.
            case ids
            /// `sql` selects `id` and `created_at`: the page is sorted on them, and cut before any
            /// row is read when no other clause is to be tested.
            case sortable
            /// `sql` selects `id` and `created_at` in page order, from an index, each once: the page
            /// walks them and stops when it is full.
            case pageOrder
        }
    }
}
