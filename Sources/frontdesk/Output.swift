import Foundation

/// Prints a line and flushes at once, so a log file or a pipe sees it before the server blocks.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
