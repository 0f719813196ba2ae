import FrontdeskCore

/// A command that cannot do what it was asked, told in one sentence (printed as `Error: …`).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }

    /// What `error` says to the person at the terminal: a rule's detail rather than the Swift
    /// value, and other errors as they tell themselves.
    static func sentence(for error: any Error) -> any Error {
        switch error {
        case let error as FrontdeskError: CommandFailure(error.detail)
        default: error
        }
    }
}
