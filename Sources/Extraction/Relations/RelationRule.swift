/// The rule or model that made a relation: what each relation's `source` names.
///
/// Rules emit these cases, never string literals, so a misspelt rule name is a compile error and one list says
/// every producer of relations there is. The raw values are what `graph.json`, the stores and the exports have
/// always written, so the interchange format does not change.
public enum RelationRule: String, Sendable, Hashable, CaseIterable {
  /// "X, the chief executive of Y": a role in an apposition after the name.
  case appositiveRole = "appositive-role"
  /// "Y chief executive X", "Trade Minister X": a title and its body before the name.
  case titleBeforeName = "title-before-name"
  /// "Y's chairman X".
  case possessiveRole = "possessive-role"
  /// "X sits on the board of Y", "a board member of Y".
  case boardSeat = "board-seat"
  /// "organized by X", "X hosted the summit": a role at an event.
  case eventRole = "event-role"
  /// "X supports Y", "X condemned Y": a stance between two parties.
  case stance
  /// "the panel, moderated by X" where the moderator is named in a quoted title.
  case quotedModerator = "quoted-moderator"
  /// A place written inside an organization's name that states its seat ("Fenwick Tooling Inc. of Dunmore").
  case nestedPlace = "nested-place"
  /// The trained relation model over pairs of mentions.
  case relationModel = "relation-model"
  /// `mentioned` from a quote inside a quote, to the inner speaker.
  case embeddedQuote = "embedded-quote"
  /// `mentioned` from an attributed quote to the entities it names.
  case quoteAttribution = "quote-attribution"
  /// "X told the Dunmore Tribune": `quoted_in` the outlet.
  case toldOutlet = "told-outlet"
  /// `spoke_at` where the text puts an attributed speaker at the event.
  case speakerOfEvent = "speaker-of-event"
}
