import EntityGraphCLI

// Paths that look like options ("-notes.txt") are made explicit before parsing.
EntityGraphCommand.main(ArgumentPaths.normalized(Array(CommandLine.arguments.dropFirst())))
