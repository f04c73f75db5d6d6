"""Word lists the rules use. General English and news vocabulary, not fitted to any article."""

# Words that open a capitalised run but are no part of a name.
TITLES = {
    "president", "vice", "prime", "minister", "chancellor", "premier", "king", "queen", "prince", "princess",
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "st",
    "spokesman", "spokeswoman", "spokesperson", "secretary", "senator", "sen", "rep", "representative",
    "governor", "gov", "mayor", "general", "gen", "lt", "col", "colonel", "maj", "major", "capt", "captain",
    "commander", "admiral", "sergeant", "sgt", "officer", "chief", "executive", "director", "chairman",
    "chairwoman", "chair", "ceo", "cfo", "coach", "manager", "speaker", "ambassador", "envoy", "judge",
    "justice", "attorney", "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam", "sheikh", "cleric",
    "leader", "head", "deputy", "foreign", "defense", "defence", "interior", "home", "finance", "health",
    "education", "striker", "midfielder", "defender", "goalkeeper", "referee", "administrator", "founder", "economist", "analyst", "researcher", "scientist", "author",
    "editor", "correspondent", "reporter", "official", "aide", "adviser", "advisor", "lawmaker", "mp",
    "congressman", "congresswoman", "councillor", "councilman", "shadow", "acting", "former", "late",
    "emperor", "sultan", "emir", "crown", "dean", "rector", "astronaut", "physician", "doctor", "commissioner",
}
# Titles that mark the following name as a person.
PERSON_TITLES = {
    "president", "prime", "minister", "chancellor", "premier", "king", "queen", "prince", "princess",
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "spokesman",
    "spokeswoman", "spokesperson", "secretary", "senator", "sen", "rep", "governor", "gov", "mayor", "general",
    "gen", "lt", "col", "colonel", "maj", "major", "capt", "captain", "commander", "admiral", "sgt",
    "chairman", "chairwoman", "ceo", "coach", "manager", "ambassador", "judge", "pope", "cardinal", "bishop",
    "archbishop", "rabbi", "imam", "sheikh", "cleric", "striker", "midfielder", "defender", "goalkeeper",
    "referee", "administrator", "founder", "aide", "adviser", "advisor", "lawmaker", "congressman",
    "congresswoman", "emperor", "sultan", "emir", "dean", "astronaut", "leader", "director", "chief",
    "executive", "editor", "economist", "analyst", "researcher", "scientist", "physician", "doctor",
    "officer", "official", "author", "head", "deputy", "speaker", "commissioner",
}
FEMALE_TITLES = {"mrs", "ms", "miss", "queen", "princess", "dame", "lady", "spokeswoman", "chairwoman",
                 "congresswoman"}
MALE_TITLES = {"mr", "king", "prince", "sir", "lord", "spokesman", "chairman", "congressman"}

# The last word of an organisation's name.
ORG_HEADS = {
    "ministry", "commission", "council", "committee", "bank", "party", "army", "navy", "force", "forces",
    "corps", "guard", "police", "agency", "department", "office", "bureau", "service", "services", "court",
    "parliament", "senate", "congress", "assembly", "government", "administration", "authority", "union",
    "league", "federation", "association", "organization", "organisation", "institute", "institution",
    "university", "college", "school", "academy", "foundation", "fund", "trust", "society", "company",
    "corporation", "corp", "inc", "ltd", "plc", "llc", "group", "holdings", "airlines", "airways",
    "news", "times", "post", "press", "journal", "herald", "gazette", "tribune", "telegraph", "guardian",
    "network", "channel", "radio", "television", "tv", "studios", "brigade", "battalion", "regiment",
    "division", "command", "movement", "front", "alliance", "coalition", "centre", "center", "board",
    "cabinet", "secretariat", "tribunal", "club", "team", "fc", "nations", "church", "mosque", "order",
    "commissioner", "programme", "program", "laboratory", "laboratories", "lab", "labs", "museum",
    "hospital", "clinic", "magazine", "review", "daily", "monitor", "observatory", "consortium",
    "ministry's", "militia", "brotherhood", "taliban", "cartel", "directorate", "inspectorate",
}
# Heads that make a run a place even when it is not in the gazetteer.
LOCATION_HEADS = {
    "province", "oblast", "region", "district", "county", "state", "territory", "city", "island", "islands",
    "river", "sea", "ocean", "gulf", "bay", "strait", "mountains", "mountain", "valley", "peninsula",
    "desert", "airport", "stadium", "arena", "square", "street", "avenue", "road", "bridge", "park",
    "coast", "lake", "canal", "base", "neighborhood", "neighbourhood", "village", "town", "prefecture",
    "governorate", "krai", "republic", "strip", "bank", "heights", "field", "port", "harbor", "harbour",
}
# Well-known organisations that carry no organisation head word.
KNOWN_ORGANIZATIONS = {
    "UN", "EU", "NATO", "OPEC", "WHO", "UNESCO", "UNICEF", "UNHCR", "IMF", "OSCE", "ASEAN", "FIFA", "UEFA",
    "IOC", "NASA", "ESA", "FBI", "CIA", "NSA", "KGB", "FSB", "MI5", "MI6", "BBC", "CNN", "NBC", "CBS", "ABC",
    "Fox", "AFP", "AP", "Reuters", "Bloomberg", "Interfax", "TASS", "RIA", "Xinhua", "Yonhap", "Al Jazeera",
    "Kremlin", "Pentagon", "Hamas", "Hezbollah", "Taliban", "Labour", "Conservatives", "Tories", "Democrats",
    "Republicans", "Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Telegram", "WhatsApp", "Google",
    "Microsoft", "Apple", "Amazon", "Meta", "Tesla", "Boeing", "Airbus", "Gazprom", "Rosneft", "Samsung",
    "Huawei", "Sony", "Toyota", "Volkswagen", "IBM", "Intel", "Nvidia", "OpenAI", "Mozilla", "Netflix",
    "Wikipedia", "Wikinews", "Smithsonian", "Interpol", "Europol", "Frontex", "Greenpeace", "Amnesty",
    "Vatican", "al-Qaeda", "Al-Qaeda", "ISIS", "ISIL", "Daesh", "Wagner", "KCNA",
    "Ukrinform", "Sputnik", "RT", "Kyodo", "Politico", "Axios", "Bundestag", "Duma", "Knesset", "Congress",
}
ORGANIZATION_WORDS_ANYWHERE = {"of"}  # "Bank of England", "University of Sydney"

# Well-known products with no designation pattern.
KNOWN_PRODUCTS = {
    "iPhone", "iPad", "Windows", "Firefox", "Chrome", "Safari", "Internet Explorer", "Android", "Linux",
    "Bayraktar", "Javelin", "Stinger", "Patriot", "HIMARS", "Iskander", "Kalibr", "Kinzhal", "Starlink",
    "Boeing 747", "ChatGPT", "PlayStation", "Xbox", "Kindle", "Opera", "Edge", "macOS", "iOS",
}
PRODUCT_MAKERS = {"Google", "Mozilla", "Microsoft", "Apple", "Boeing", "Airbus", "Samsung", "Sony"}

# Regions and features that GeoNames' city list and ISO subdivisions do not carry under their usual names.
KNOWN_REGIONS = {
    "Crimea": "UA", "Donbass": "UA", "Donbas": "UA", "Siberia": "RU", "Chechnya": "RU", "Kashmir": "",
    "Gaza": "PS", "Gaza Strip": "PS", "West Bank": "PS", "Golan Heights": "SY", "Kurdistan": "",
    "Middle East": "", "Balkans": "", "Caucasus": "", "Scandinavia": "", "Europe": "", "Asia": "",
    "Africa": "", "North America": "", "South America": "", "Latin America": "", "Antarctica": "",
    "Arctic": "", "Oceania": "", "Central Asia": "", "South East Asia": "", "Southeast Asia": "",
    "East Asia": "", "Pacific Northwest": "US", "Midwest": "US", "New England": "US", "Sahel": "",
    "Channel": "", "English Channel": "", "Mediterranean": "", "Black Sea": "", "Baltic": "", "Baltics": "",
    "Persian Gulf": "", "Red Sea": "", "South China Sea": "", "Pacific": "", "Atlantic": "",
    "Indian Ocean": "", "Sinai": "EG", "Tibet": "CN", "Xinjiang": "CN", "Taiwan": "TW",
    "Donetsk Oblast": "UA", "Luhansk Oblast": "UA", "Lugansk Oblast": "UA", "Kherson Oblast": "UA",
    "Zaporizhzhia Oblast": "UA", "Kharkiv Oblast": "UA", "Kyiv Oblast": "UA", "Western Australia": "AU",
    "South Australia": "AU", "Northern Territory": "AU", "New South Wales": "AU", "Scotland": "GB",
    "Wales": "GB", "England": "GB", "Northern Ireland": "GB", "Aceh": "ID", "Mindanao": "PH",
    "Darfur": "SD", "Tigray": "ET", "Punjab": "", "Bavaria": "DE", "Catalonia": "ES", "Quebec": "CA",
    "Hokkaido": "JP", "Okinawa": "JP", "Hong Kong": "HK", "Macau": "MO", "Greenland": "GL",
}
COUNTRY_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "America": "United States", "United States of America": "United States", "UK": "United Kingdom",
    "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "Russian Federation": "Russia", "DPRK": "North Korea", "Republic of Korea": "South Korea",
    "Korea Republic": "South Korea", "ROK": "South Korea", "Burma": "Myanmar", "Holland": "Netherlands",
    "Ivory Coast": "Ivory Coast", "Czechia": "Czech Republic", "UAE": "United Arab Emirates",
    "DRC": "Democratic Republic of the Congo", "PRC": "China", "Persia": "Iran", "Türkiye": "Turkey",
}

# Nationality and group adjectives: never entities by themselves.
DEMONYMS = {
    "American", "British", "English", "Scottish", "Welsh", "Irish", "French", "German", "Italian", "Spanish",
    "Portuguese", "Dutch", "Belgian", "Swiss", "Austrian", "Swedish", "Norwegian", "Danish", "Finnish",
    "Polish", "Czech", "Slovak", "Hungarian", "Romanian", "Bulgarian", "Greek", "Turkish", "Russian",
    "Ukrainian", "Belarusian", "Georgian", "Armenian", "Azerbaijani", "Kazakh", "Uzbek", "Chinese",
    "Japanese", "Korean", "Vietnamese", "Thai", "Indonesian", "Malaysian", "Filipino", "Indian", "Pakistani",
    "Afghan", "Iranian", "Iraqi", "Syrian", "Lebanese", "Israeli", "Palestinian", "Jordanian", "Saudi",
    "Yemeni", "Egyptian", "Libyan", "Tunisian", "Algerian", "Moroccan", "Nigerian", "Kenyan", "Ethiopian",
    "Somali", "Sudanese", "Eritrean", "Australian", "Canadian", "Mexican", "Brazilian", "Argentine",
    "Argentinian", "Chilean", "Colombian", "Peruvian", "Venezuelan", "Cuban", "Panamanian", "Serbian",
    "Croatian", "Bosnian", "Albanian", "Kosovan", "Slovenian", "Estonian", "Latvian", "Lithuanian",
    "Moldovan", "European", "Asian", "African", "Arab", "Western", "Eastern", "Northern", "Southern",
    "Soviet", "Muslim", "Christian", "Jewish", "Catholic", "Orthodox", "Protestant", "Sunni", "Shiite",
    "Shia", "Kurdish", "Rohingya", "Tamil", "Sikh", "Hindu", "Buddhist", "Texan", "Californian", "Burmese",
    "Bangladeshi", "Sri", "Nepalese", "Swedes", "Scandinavian", "Latin", "Hispanic", "Caucasian", "Celtic",
    "Texans", "Americans", "Russians", "Ukrainians", "Europeans", "Westerners", "Iraqis", "Afghans",
    "Syrians", "Koreans", "Israelis", "Palestinians", "Australians", "Britons", "Germans",
    "Belarusians", "Olympic", "Paralympic", "Islamic", "Communist", "Republican", "Democratic",
    "Conservative", "Liberal", "Socialist", "Marxist", "Nazi", "Zionist", "Western-backed",
}

# Capitalised words that begin sentences or headings and name nothing.
NON_NAME_WORDS = {
    "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
    "His", "Her", "Their", "Our", "My", "Your", "In", "On", "At", "By", "For", "From", "With", "Without",
    "After", "Before", "During", "Since", "Until", "As", "If", "When", "While", "Where", "Why", "How",
    "What", "Who", "Which", "But", "And", "Or", "Nor", "So", "Yet", "Also", "However", "Meanwhile",
    "Later", "Earlier", "Yesterday", "Today", "Tomorrow", "Tonight", "Last", "Next", "Despite", "Although",
    "Though", "Because", "Under", "Over", "Among", "Between", "Against", "According", "Some", "Many",
    "Most", "All", "Both", "Each", "Every", "Several", "Other", "Another", "Such", "No", "Not", "Now",
    "Then", "There", "Here", "Additional", "Further", "More", "Less", "Only", "Even", "Just", "Still",
    "Thursday", "Monday", "Tuesday", "Wednesday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Full", "Article", "Reports", "Report", "Officials", "Figures", "Estimates", "Sources", "Police",
    "Local", "State", "Government", "Group", "Day", "Week", "Year", "Update", "Breaking", "Exclusive",
    "Opinion", "Analysis", "Live", "Photo", "Video", "Advertisement", "Read", "Related", "See", "Please",
    "Mr", "Mrs", "Ms", "Dr", "Yes", "Well", "Oh", "Thank", "Thanks", "Let", "Do", "Does", "Did", "Is",
    "Are", "Was", "Were", "Be", "Have", "Has", "Had", "Will", "Would", "Can", "Could", "Should", "Might", "Must", "Shall", "To", "Of", "Up", "Down", "Out", "Off", "Into", "Onto", "Upon", "Via",
    "Per", "Plus", "Minus", "Once", "Twice", "First", "Second", "Third", "One", "Two", "Three", "Four",
    "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Hundreds", "Thousands", "Millions", "Dozens",
    "Whether", "Unless", "Given", "Following", "Including", "Regarding", "Concerning", "Amid", "Within",
    "Throughout", "Toward", "Towards", "Across", "Along", "Around", "Behind", "Beyond", "Near", "Above",
    "Below", "Beside", "Besides", "Like", "Unlike", "Than", "Neither", "Either", "Any", "Few", "Much",
    "Almost", "Nearly", "About", "Approximately", "Roughly", "Groups", "Scientists",
    "Researchers", "Experts", "Authorities", "Residents", "Witnesses", "Analysts", "Critics", "Supporters",
    "Protesters", "Troops", "Soldiers", "Civilians", "People", "Children", "Women", "Men", "Studies",
    "Study", "Research", "Data", "Statistics", "Results", "Findings", "Airstrikes", "Strikes", "Attacks",
    "Fighting", "Clashes", "Talks", "News", "Story", "Stories", "Note", "Notes", "Source",
    "Celebrating", "Asked", "Speaking", "Writing", "Commenting", "Responding", "Describing", "Adding",
    "Saying", "Calling", "Noting", "Explaining", "Quoting", "Citing", "Unnamed", "Anonymous", "Interview",
    "Statement", "Press", "Conference", "Briefing", "Yesterday's", "Today's", "Section", "Chapter",
    "Part", "Page", "Figure", "Table", "Appendix", "Summary", "Introduction", "Conclusion", "Background",
    "Context", "Timeline", "Overview", "Details", "Detail", "Updates", "Correction", "Editor's",
    "Ground-level", "Pregnant", "Ultimately", "Finally", "Initially", "Overall", "Instead",
    "Indeed", "Moreover", "Furthermore", "Therefore", "Thus", "Hence", "Otherwise", "Nevertheless",
    "Nonetheless", "Accordingly", "Consequently", "Subsequently", "Additionally", "Similarly", "Likewise",
    "Currently", "Recently", "Previously", "Usually", "Often", "Sometimes", "Always", "Never", "Perhaps",
    "Maybe", "Probably", "Possibly", "Clearly", "Obviously", "Apparently", "Reportedly", "Allegedly",
}

# Verbs that attribute speech or writing, in the forms news uses.
SPEECH_VERBS = {
    "said", "says", "say", "added", "adds", "told", "tells", "stated", "states", "claimed", "claims", "claim",
    "announced", "announces", "confirmed", "confirms", "reported", "reports", "stressed", "stresses",
    "specified", "noted", "notes", "explained", "explains", "warned", "warns", "insisted", "insists",
    "argued", "argues", "estimated", "estimates", "denied", "denies", "accused", "accuses", "wrote",
    "writes", "tweeted", "tweets", "posted", "declared", "declares", "asserted", "asserts", "alleged",
    "alleges", "admitted", "admits", "acknowledged", "acknowledges", "suggested", "suggests", "believes",
    "believed", "thinks", "predicted", "predicts", "commented", "comments", "remarked", "replied",
    "responded", "answered", "asked", "urged", "urges", "called", "described", "describes", "revealed",
    "reveals", "disclosed", "indicated", "indicates", "emphasised", "emphasized", "underlined", "pointed",
    "promised", "promises", "vowed", "vows", "pledged", "threatened", "boasted", "conceded", "concluded",
    "concludes", "continued", "observed", "recalled", "mentioned", "quoted", "cited", "informed", "briefed",
    "found", "showed", "shows", "show", "find", "recommended", "recommends", "welcomed", "condemned",
    "criticised", "criticized", "praised", "expressed", "demanded", "ordered", "agreed", "hoped", "feared",
    "reiterated", "repeated", "assured", "maintained", "maintains", "contended", "contends",
    "read", "reads", "estimate", "report", "confirm", "suggest", "warn",
}
# Verbs that carry a reported figure even when they take no clause: "He confirmed 40 deaths".
CLAIM_VERBS = {"confirmed", "confirms", "claimed", "claims", "claim", "reported", "reports", "estimated",
               "estimates", "announced", "announces", "said", "says", "added", "stated", "put", "puts",
               "counted", "recorded", "registered", "found", "showed", "shows", "revealed", "reveal"}

PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "they": None, "it": None}

# Words that end a noun phrase when reading a count's unit.
NP_STOP = {
    "of", "in", "on", "at", "by", "for", "from", "with", "to", "into", "onto", "and", "or", "but", "that",
    "which", "who", "whom", "whose", "were", "was", "are", "is", "be", "been", "being", "had", "have", "has",
    "will", "would", "could", "should", "may", "might", "must", "can", "did", "do", "does", "as", "than",
    "after", "before", "during", "since", "until", "while", "when", "where", "because", "although",
    "including", "among", "between", "against", "across", "over", "under", "per", "each", "a", "an", "the",
    "this", "these", "those", "it", "they", "he", "she", "we", "its", "their", "his", "her", "our", "not",
    "also", "still", "already", "there", "here", "said", "says", "according", "about", "around", "near",
    "belonging", "living", "if", "so", "such", "then", "via", "through", "throughout", "toward",
    "towards", "up", "down", "out", "off", "away", "back", "ago", "later", "earlier", "more", "less",
    "every", "all", "both", "either", "neither", "only", "just", "even", "yet", "too", "very",
}
# Adjectives often found between a number and its noun, dropped from the unit.
UNIT_ADJECTIVES = {
    "new", "old", "other", "more", "additional", "further", "extra", "different", "separate", "major",
    "minor", "large", "small", "big", "huge", "many", "several", "total", "confirmed", "reported",
    "suspected", "alleged", "possible", "potential", "unidentified", "unnamed", "known", "estimated",
    "injured", "wounded", "dead", "missing", "first", "last", "consecutive", "straight", "full", "whole",
    "entire", "key", "top", "senior", "junior", "young", "elderly", "innocent", "armed", "foreign", "local",
    "national", "international", "military", "civilian", "such", "similar", "various", "individual",
}
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
              "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"}

# Participles of speech verbs: "with Boswell stating: ...".
SPEECH_VERBS |= {
    "stating", "saying", "adding", "telling", "writing", "noting", "warning", "explaining", "arguing",
    "claiming", "insisting", "declaring", "announcing", "confirming", "reporting", "tweeting", "specifying",
}
# Verbs that make a following "a statement" an attribution: "X issued a statement".
STATEMENT_VERBS = {"issued", "released", "published", "posted", "put"}
# The usual verbs of an inverted attribution: "..., said the minister".
CORE_SPEECH_VERBS = {"said", "says", "added", "adds", "told", "tells", "wrote", "writes", "explained", "stated",
                     "insisted", "noted", "stressed", "continued", "concluded", "warned", "replied", "asked",
                     "specified", "remarked", "declared", "argued", "claimed", "confirmed"}
# Adverbs and time words that end a counted phrase: "seven astronauts aboard", "two years ago".
NP_STOP |= {
    "aboard", "abroad", "ahead", "apiece", "altogether", "overall", "respectively", "alone", "instead",
    "worldwide", "nationwide", "today", "yesterday", "tomorrow", "tonight", "annually", "daily", "weekly",
    "monthly", "yearly", "ago", "last", "next", "nor", "plus", "what", "how", "why",
}

# Buildings and sites are places, not organisations: "Grand Mosque", "St Paul's Cathedral".
ORG_HEADS -= {"mosque", "church"}
LOCATION_HEADS |= {"mosque", "church", "cathedral", "temple", "synagogue", "palace", "tower"}
KNOWN_ORGANIZATIONS |= {"Red Cross", "Red Crescent", "Medecins Sans Frontieres", "Doctors Without Borders"}

# Occupations used like titles before a name: "farmer Tomas Rivera", "Engineer Maria Okafor".
OCCUPATIONS = {"engineer", "nurse", "teacher", "farmer", "lawyer", "student", "driver", "pilot", "soldier",
               "activist", "campaigner", "barrister", "solicitor", "surgeon", "journalist", "photographer",
               "resident", "witness", "fisherman", "miner", "worker", "trader", "shopkeeper", "priest",
               "pastor", "monk", "nun", "volunteer", "coauthor", "co-author", "novelist", "poet", "artist",
               "singer", "actor", "actress", "player", "athlete", "runner", "boxer", "chef", "banker",
               "investor", "entrepreneur", "historian", "lecturer", "epidemiologist", "virologist"}
PERSON_TITLES |= OCCUPATIONS
TITLES |= OCCUPATIONS
NP_STOP |= {"overnight", "again", "already", "early", "late", "recently", "so", "far", "now", "then", "there",
            "here", "away", "together", "simultaneously", "immediately", "instantly", "locally"}
# Forecasts are claims too: "The company expects revenue of around $24bn".
SPEECH_VERBS |= {"expects", "expected", "projected", "anticipates", "anticipated"}
# Companies whose names look like a person's ("Morgan Stanley") or carry no organisation word.
KNOWN_ORGANIZATIONS |= {
    "Morgan Stanley", "Goldman Sachs", "JPMorgan", "JPMorgan Chase", "Citigroup", "Citi", "HSBC", "Barclays",
    "UBS", "BlackRock", "Lloyds", "Santander", "BNP Paribas", "Credit Suisse", "Wells Fargo", "Berkshire Hathaway",
    "Nvidia", "Alphabet", "ExxonMobil", "Chevron", "Shell", "BP", "Aramco", "Pfizer", "Moderna", "AstraZeneca",
    "Siemens", "Nestle", "Unilever", "Walmart", "Alibaba", "Tencent", "Baidu", "ByteDance", "Uber", "Airbnb",
    "SpaceX", "Anthropic", "Reddit", "LinkedIn", "Spotify", "Visa", "Mastercard", "PayPal", "Oracle", "Cisco",
    "Ford", "Toyota", "Honda", "Nissan", "Hyundai", "Volvo", "Renault", "Stellantis", "Lufthansa", "Ryanair",
    "Emirates", "Qatar Airways", "Maersk", "Glencore", "Rio Tinto", "Vale", "Standard Chartered", "Nomura",
}
