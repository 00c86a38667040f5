import Foundation
import ScrutineerCLI

exit(CLI.run(arguments: Array(CommandLine.arguments.dropFirst())))
