import FrontdeskCore
import FrontdeskEngine
import GRDB

extension SQLiteStore {
    /// A filtered list of `table` (as `alias`): the rows matching every clause after the page's
    /// cursor, in creation order, one more than the page holds so that `Page` knows whether another
    /// follows; `selecting` its columns, all of them by default. Filters vary, so the statement is
    /// not cached.
    static func pageQuery(
        _ table: String, as alias: String, selecting columns: String? = nil, where clauses: [String],
        _ arguments: [(any DatabaseValueConvertible)?], page: PageRequest
    ) -> (sql: String, arguments: StatementArguments) {
        var clauses = clauses, arguments = arguments
        if let after = page.after {
            clauses.append("(\(alias).created_at, \(alias).id) > (?, ?)")
            arguments += [after.createdAt.millis, after.id.text]
        }
        let sql = "SELECT \(columns ?? "\(alias).*") FROM \(table) \(alias) WHERE " + clauses.joined(separator: " AND ")
            + " ORDER BY \(alias).created_at, \(alias).id LIMIT \(page.limit + 1)"
        return (sql, StatementArguments(arguments))
    }
}
