// The word lists the entity rules read.
extension EntityRecognizer {
  /// Words that announce a reported event's title ("a webinar titled “…”").
  static let titleCues: Set<String> = ["titled", "entitled", "called", "named", "themed", "dubbed"]
  /// Gatherings an article reports on.
  static let gatheringWords: Set<String> = [
    "webinar", "conference", "summit", "hearing", "symposium", "forum", "meeting", "panel", "seminar",
    "workshop", "lecture", "debate", "roundtable", "event", "session", "briefing", "congress", "convention",
    "festival", "exhibition", "talk", "discussion", "colloquium", "rally", "ceremony", "gala",
  ]


  /// Religions and their adherents.
  static let religionWords: Set<String> = [
    "muslim", "muslims", "islamic", "christian", "christians", "jew", "jews", "jewish", "sunni", "sunnis", "shia",
    "shias", "shiite", "shiites", "shi'ite", "shi'ites", "catholic", "catholics", "protestant", "protestants",
    "hindu", "hindus", "buddhist", "buddhists", "sikh", "sikhs", "orthodox", "evangelical", "evangelicals",
    "druze", "alawite", "alawites", "mormon", "mormons", "atheist", "atheists", "baha'i", "zoroastrian",
    "zoroastrians", "anglican", "anglicans", "lutheran", "lutherans", "methodist", "methodists", "baptist",
    "baptists", "pagan", "pagans",
  ]

  /// Head words after which "of Country" names the country itself ("Republic of Iran", "King of Jordan").
  static let stateWords: Set<String> = [
    "republic", "kingdom", "state", "states", "government", "people", "peoples", "emirate", "sultanate",
    "principality", "commonwealth", "federation", "president", "king", "queen", "prime", "minister", "embassy",
    "ambassador", "capital", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "history", "map", "flag", "citizens", "democratic",
    // Roles of people: "Protector of …", "Emperor of …" name a person by a country, not an organization.
    "protector", "emperor", "empress", "governor", "duke", "duchess", "prince", "princess", "bishop",
    "archbishop", "patriarch", "sultan", "shah", "tsar", "czar", "viceroy", "chancellor", "consul", "envoy",
    "secretary", "mayor", "lord", "lady", "queen", "regent", "ruler", "leader", "chief", "general",
  ]

  /// Event words that head a name at its end ("French Revolution") or start ("Cyclone Nadia").
  static let eventHeads: Set<String> = [
    "war", "revolution", "genocide", "massacre", "uprising", "spring", "crisis", "rebellion", "intifada",
    "holocaust", "olympics", "games", "championship", "championships", "cup", "summit", "festival", "crusade",
    "invasion", "revolt", "riots", "famine", "earthquake", "pandemic", "blockade", "siege", "airlift",
  ]
  static let eventPrefixes: Set<String> = ["cyclone", "hurricane", "typhoon", "storm", "operation", "tropical"]

  /// Common nouns that, in apposition to a name, say it is an organization ("X, a company that …",
  /// "the publishing giant X").
  static let organizationNouns: Set<String> = [
    "company", "companies", "firm", "corporation", "startup", "start-up", "organization", "organisation",
    "nonprofit", "non-profit", "charity", "agency", "publisher", "retailer", "chain", "conglomerate", "giant",
    "manufacturer", "automaker", "carmaker", "airline", "bank", "brand", "label", "broadcaster", "newspaper",
    "network", "party", "militia", "group", "union", "club", "team", "university", "college", "institute",
    "foundation", "association", "society", "ministry", "department", "multinational", "subsidiary", "outlet",
    "developer", "provider", "operator", "insurer", "lender", "consultancy", "think-tank", "coalition",
  ]
  /// Roles held "of" an organization ("the CEO of X", "shareholders of X").
  static let organizationRoles: Set<String> = [
    "ceo", "cfo", "coo", "founder", "co-founder", "cofounder", "chairman", "chairwoman", "chairperson",
    "shareholders", "employees", "staff", "spokesperson", "spokesman", "spokeswoman", "subsidiary", "headquarters",
    "board", "members", "member", "executives",
  ]

  /// Speech verbs whose subject or inverted subject is a speaker.
  static let speakerVerbs: Set<String> = [
    "said", "says", "told", "added", "adds", "noted", "argued", "explained", "wrote", "tweeted", "asked", "insisted",
    "stated", "continued", "recalled", "acknowledged", "admitted", "warned", "claimed", "replied", "responded",
    "countered", "recounted", "remarked", "observed", "emphasized", "stressed", "conceded", "quipped", "testified",
  ]
  /// Lower-case words allowed inside a name ("Joao dos Santos", "Ludwig van Beethoven").
  static let nameParticles: Set<String> = ["de", "da", "dos", "das", "del", "van", "von", "der", "al", "bin", "la", "le", "di"]
}
