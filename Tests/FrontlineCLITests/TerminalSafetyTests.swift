import EngineTestSupport
import Foundation
import Testing
@testable import FrontlineEngine

/// No byte of an article reaches the terminal as a control sequence: titles, sources,
/// text, file names and the values typed on the command line are shown, never obeyed.
@Suite struct TerminalSafetyTests {
    /// Escape sequences a hostile article might carry: set the title, clear the screen,
    /// plant a link, ring the bell, return the carriage, and C1 CSI.
    static let hostile = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}]8;;http://evil\u{1B}\\\rX\u{9B}31m"

    /// A corpus whose every field carries `hostile`, indexed.
    private func hostileIndex(_ dir: TemporaryDirectory) throws -> String {
        let escaped = TerminalSafetyTests.hostile.unicodeScalars.map { scalar -> String in
            if scalar == "\\" || scalar == "\"" { return "\\" + String(scalar) }
            return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? String(format: "\\u%04x", scalar.value) : String(scalar)
        }.joined()
        dir.write("corpus/lines.jsonl", """
        {"id": "evil\(escaped)id", "title": "Title \(escaped) here", "source": "Outlet \(escaped)", "url": "https://x.test/\(escaped)", "date": "2020-10-02", "text": "Armenia said the ceasefire near Talish \(escaped) failed; 31 soldiers were killed."}

        """)
        dir.write("corpus/evil\u{1B}[2Jname.txt", "Azerbaijan said the ceasefire near Talish held.")
        let index = dir.child("index")
        let built = try runFrontline(["index", dir.child("corpus"), "--index", index, "--gazetteer", Repository.gazetteer])
        #expect(built.status == 0, "\(built.err)")
        return index
    }

    /// The control characters in `output` other than newlines and the colour codes
    /// `ESC [ digits/; m` that Frontline writes itself.
    private func controlSequences(in output: String) -> [String] {
        var found: [String] = []
        let scalars = Array(output.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let value = scalars[i].value
            if value == 0x1B, i + 1 < scalars.count, scalars[i + 1] == "[" {
                var j = i + 2
                while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == ";" { j += 1 }
                if j < scalars.count, scalars[j] == "m" { i = j + 1; continue }
            }
            if (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) {
                found.append(String(format: "U+%04X at %d", value, i))
            }
            i += 1
        }
        return found
    }

    private static let commands: [[String]] = [
        ["search", "ceasefire"], ["search", "ceasefire", "--per-article"], ["search", "", "--side", "armenia"],
        ["compare", "ceasefire"], ["compare", "ceasefire", "--by", "side"], ["stats"],
        ["show", "evil\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}]8;;http://evil\u{1B}\\\rX\u{9B}31mid"],
        ["search", "ceasefire", "--side", "\u{1B}]0;typed\u{07}"], ["show", "no\u{1B}[2Jsuch"],
    ]

    @Test func piped() throws {
        let dir = TemporaryDirectory()
        let index = try hostileIndex(dir)
        for command in TerminalSafetyTests.commands {
            let run = try runFrontline(command + ["--index", index])
            #expect([0, 9].contains(run.status), "\(command): \(run.err)")
            #expect(controlSequences(in: run.out + run.err).isEmpty, "\(command.first!): \(controlSequences(in: run.out + run.err))")
        }
        let inspect = try runFrontline(["inspect", dir.child("corpus")])
        #expect(controlSequences(in: inspect.out + inspect.err).isEmpty)
        #expect(inspect.out.contains("␛]0;owned"), "control characters are shown, not dropped silently")
    }

    /// On a real terminal (a pseudo-terminal made by `script`), with colour on.
    @Test func onATerminalWithColour() throws {
        let dir = TemporaryDirectory()
        let index = try hostileIndex(dir)
        for command in TerminalSafetyTests.commands {
            let line = ([Repository.executable] + command + ["--index", index]).map(TerminalSafetyTests.shellQuoted).joined(separator: " ")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", line, "/dev/null"]
            process.environment = ["TERM": "xterm-256color", "PATH": "/usr/bin:/bin"]
            let out = Pipe()
            process.standardOutput = out
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            // The pseudo-terminal turns each newline into CR LF; those CRs are the terminal's.
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            #expect(controlSequences(in: text).isEmpty, "\(command.first!): \(controlSequences(in: text))")
            if command == ["compare", "ceasefire"] {
                #expect(text.contains("\u{1B}[1m31\u{1B}[0m"), "figures are bold on a terminal")
            }
            if command == ["search", "ceasefire"] {
                #expect(text.contains("\u{1B}[1;33m"), "matches are coloured on a terminal")
            }
        }
    }

    @Test func dumbTerminalsGetNoColour() throws {
        let dir = TemporaryDirectory()
        let index = try hostileIndex(dir)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "\(TerminalSafetyTests.shellQuoted(Repository.executable)) search ceasefire --index \(TerminalSafetyTests.shellQuoted(index))", "/dev/null"]
        process.environment = ["TERM": "dumb", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("**ceasefire**"))
        #expect(!text.contains("\u{1B}"))
    }

    private static func shellQuoted(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
