import DocumentModel

/// How one entity kind is drawn: a Graphviz shape, a fill colour and a border colour.
///
/// Each kind has a distinct shape *and* colour, so the diagram stays readable in greyscale.
public struct DOTNodeStyle: Hashable, Sendable {
  /// Graphviz shape name, e.g. `ellipse`.
  public var shape: String
  /// Extra `style` flags next to `filled`, e.g. `rounded`.
  public var style: String
  /// Fill colour, `#rrggbb`.
  public var fillColor: String
  /// Border colour, `#rrggbb`.
  public var borderColor: String

  /// Creates a style.
  public init(shape: String, style: String = "filled", fillColor: String, borderColor: String) {
    self.shape = shape
    self.style = style
    self.fillColor = fillColor
    self.borderColor = borderColor
  }

  /// The style used for `kind`.
  public static func forKind(_ kind: EntityKind) -> DOTNodeStyle {
    switch kind {
    case .person:
      DOTNodeStyle(shape: "ellipse", fillColor: "#cfe2ff", borderColor: "#3d6fb6")
    case .organization:
      DOTNodeStyle(shape: "box", style: "filled,rounded", fillColor: "#ffe3b8", borderColor: "#b8741a")
    case .country:
      DOTNodeStyle(shape: "hexagon", fillColor: "#cdeccf", borderColor: "#2e7d32")
    case .location:
      DOTNodeStyle(shape: "house", fillColor: "#e6dcf3", borderColor: "#6a4c93")
    case .event:
      DOTNodeStyle(shape: "note", fillColor: "#fff4b3", borderColor: "#a68a00")
    }
  }
}
