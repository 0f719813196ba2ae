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
    /// (those of a window, of a resource): the page is read from them and sorted. `CROSS JOIN` keeps
    /// SQLite from walking the whole table in page order instead, testing each row, which its planner
    /// may prefer for a page of a large table.
    static func pageQuery(
        _ table: String, as alias: String, selecting columns: String? = nil, drivenBy driving: Driving? = nil,
        where clauses: [String], _ arguments: [(any DatabaseValueConvertible)?], page: PageRequest
    ) -> (sql: String, arguments: StatementArguments) {
        var clauses = clauses, arguments = (driving?.arguments ?? []) + arguments
        if let after = page.after {
            clauses.append("(\(alias).created_at, \(alias).id) > (?, ?)")
            arguments += [after.createdAt.millis, after.id.text]
        }
        let from = driving.map { "(\($0.sql)) AS driving CROSS JOIN \(table) \(alias) ON \(alias).id = driving.id" }
            ?? "\(table) \(alias)"
        let sql = "SELECT \(columns ?? "\(alias).*") FROM \(from) WHERE " + clauses.joined(separator: " AND ")
            + " ORDER BY \(alias).created_at, \(alias).id LIMIT \(page.limit + 1)"
        return (sql, StatementArguments(arguments))
    }

    /// The ids a page is read from (`pageQuery(drivenBy:)`), each once.
    struct Driving {
        var sql: String
        var arguments: [(any DatabaseValueConvertible)?]
    }
}
