import FrontdeskCore
import GRDB

/// Backend failures that are really rule violations, turned into domain errors.
enum SQLiteErrors {
    static func translate(_ error: DatabaseError) -> any Error {
        if error.resultCode == .SQLITE_CONSTRAINT, error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            return FrontdeskError.validationFailed([FieldIssue("id", "refers to something that does not exist")])
        }
        return error
    }
}
