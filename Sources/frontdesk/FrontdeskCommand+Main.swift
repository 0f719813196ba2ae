import ArgumentParser

extension FrontdeskCommand {
    /// ArgumentParser's `main`, with the errors of a command's run told as sentences
    /// (`CommandFailure.sentence(for:)`) rather than as Swift values.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: CommandFailure.sentence(for: error))
        }
    }
}
