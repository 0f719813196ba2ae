import Logging
import PostgresNIO
import Synchronization

/// Statements prepared once per connection and run by name, instead of parsed and planned on every
/// call. Planning was about a third of PostgreSQL's CPU per booking (`pg_stat_statements` with
/// `track_planning`: 0.93 of 2.7 ms); a prepared `INSERT` is planned once and then runs on its
/// generic plan.
///
/// PostgresNIO (1.33) prepares only a `PostgresPreparedStatement`, whose name and SQL are static
/// properties of its type, while ours are composed at run time (`SQL`). `Prepared` reads them from
/// a task local, set around the one call to `execute` that reads them (before its first suspension,
/// and again for an error's description).
///
/// A name stands for one statement text with one list of parameter types: PostgreSQL fixes a
/// parameter's type when it parses the statement, so a parameter bound NULL (no type: PostgreSQL
/// infers it) and the same bound to a value are two statements.
struct Prepared: PostgresPreparedStatement {
    struct Shape: Sendable {
        var name = ""
        var sql = ""
        var types: [PostgresDataType] = []
    }

    @TaskLocal static var shape = Shape()

    static var name: String { shape.name }
    static var sql: String { shape.sql }
    static var bindingDataTypes: [PostgresDataType] { shape.types }

    let bindings: PostgresBindings
    /// Called right before PostgresNIO writes the statement (from `makeBindings`).
    let writing: @Sendable () -> Void

    /// PostgresNIO calls this right before it writes the statement to the channel, in the same
    /// synchronous stretch.
    func makeBindings() throws -> PostgresBindings {
        writing()
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

/// The names given so far, process-wide. A name is never given twice: a statement that must be
/// prepared again (see `forget`) gets a new one, since connections that prepared the old one keep it.
/// Past `limit` names, statements run unprepared, so that no run-time variety of statements (lists
/// of every length) can fill PostgreSQL's connections with plans; the log says so once.
enum PreparedNames {
    static let limit = 1_000

    private struct Key: Hashable {
        var sql: String
        var types: [UInt32]
    }

    private struct Names {
        var byStatement: [Key: String] = [:]
        var given = 0
        var warned = false
    }

    private static let names = Mutex(Names())

    /// The name of `sql` with parameters of `types`, or nil when it is to run unprepared: without
    /// parameters (transaction control, migrations: nothing to plan again), or past the limit.
    static func name(_ sql: String, _ types: [PostgresDataType], logger: Logger) -> String? {
        guard !types.isEmpty else { return nil }
        let key = Key(sql: sql, types: types.map(\.rawValue))
        let (name, warn) = names.withLock { names -> (String?, Bool) in
            if let name = names.byStatement[key] { return (name, false) }
            guard names.given < limit else {
                defer { names.warned = true }
                return (nil, !names.warned)
            }
            names.given += 1
            let name = "frontdesk_\(names.given)"
            names.byStatement[key] = name
            return (name, false)
        }
        if warn {
            logger.warning("PostgreSQL: \(limit) statements prepared; further ones run unprepared (planned on every call)")
        }
        return name
    }

    /// After `error` from a statement run by name: when it may have come from preparing it, which
    /// PostgresNIO then answers on that connection for good (a transaction already failed, class
    /// 25; a cancelled or timed-out statement, 57014; a lock not available, 55), or from a plan that
    /// the schema changed under (0A000 "cached plan must not change result type", after another
    /// replica's migration), or from a statement the server no longer has (26000), the next call
    /// prepares it again under a new name. A statement's own failures (bad data, a constraint, a
    /// conflict) and a lost or closing connection (08, 57P01…) leave its name be: they would fail
    /// unprepared too, and every restart of the server would otherwise use up names.
    static func forget(_ sql: String, _ types: [PostgresDataType], after error: any Error) {
        guard let psql = error as? PSQLError, psql.code == .server, let state = psql.serverInfo?[.sqlState],
              ["25", "55", "26"].contains(where: state.hasPrefix) || ["57014", "0A000"].contains(state)
        else { return }
        _ = names.withLock { $0.byStatement.removeValue(forKey: Key(sql: sql, types: types.map(\.rawValue))) }
    }
}
