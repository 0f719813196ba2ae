import Foundation
import FrontdeskCore

/// The storage contract: one port per feature, each in its own file, which an adapter (SQLite,
/// PostgreSQL) implements in a file of its own and the same conformance suite runs on every engine.
/// A new feature adds its own small port here.
///
/// Each method is one invariant in one transaction: a method that checks and writes does both inside
/// its transaction, on rows it has locked, and asks the engine to decide through its closure.
/// Lookups are always scoped to an organization: an id from another one is simply not found.
public protocol FrontdeskStore:
    SchemaStore, AccessStore, CatalogStore, BookingStore, CheckinStore, EventStore, ActionStore, IdempotencyStore,
    RetentionStore, AttendanceStore, ReportStore, CorrectionStore, InvoiceStore, PeopleStore {}
