import DocumentModel

// Foundation also declares a `Predicate` type; inside this module the name means the graph's predicate.
typealias Predicate = DocumentModel.Predicate
