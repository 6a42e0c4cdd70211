"""Small word lists the recognizers share: honorifics, relations, words that are not names."""

from __future__ import annotations

import re

HONORIFIC = (r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Det|Detective|Officer|Sgt|Agent|Deputy|Don|Doña|Dona|"
             r"Señor|Senor|Señora|Senora|Sr|Sra|Srta|Patrón|Patron|Lic|Ing|Ofc|Ofcr|Cpl|Tpr|Inv|Prof|"
             r"prof(?=\.))")
# a word that makes the capitalised word before it a role, not a name: "Foster mother"
ROLE_AFTER = re.compile(r"[ \t]+(?:mother|father|parents?|family|care|home|mom|dad|sister|"
                        r"brother|child|children|kid|placement)\b")
# words of respect that may stand before anyone's name, a kept defendant's too ("Oga Emeka")
RESPECT_WORDS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "madam", "madame", "oga", "alhaji", "chief",
    "boss", "don", "doña", "dona", "señor", "senor", "señora", "senora", "sr", "sra", "srta",
    "patrón", "patron", "lic", "ing", "tía", "tia", "tío", "tio", "kuya", "ate", "tita", "tito",
    "manang", "manong", "aling", "mang", "madan", "tonton", "matant", "chị", "anh", "cô", "chú",
    "bác", "ông", "bà", "seu", "hna", "hno", "hermana", "hermano", "ma'am", "ma’am", "mama",
    "papa", "uncle", "auntie", "aunty", "brother", "sister", "pastor", "father",
})
HONORIFIC_BEFORE = re.compile(rf"(?<!\w){HONORIFIC}\.?\s+$", re.IGNORECASE)

US_STATES = {
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
    "VA", "WA", "WV", "WI", "WY", "DC", "PR",
}
STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|District of Columbia"
)

# Two-letter all-caps words that must never be read as someone's initials.
NOT_INITIALS = US_STATES | {
    "AM", "PM", "ID", "OK", "US", "IT", "AN", "AS", "AT", "BE", "BY", "DO", "GO", "HE", "IF",
    "IS", "ME", "MY", "NO", "OF", "ON", "OR", "SO", "TO", "UP", "WE", "TV", "PO", "RN", "MD",
    "JD", "DA", "PD", "LE", "UK", "EU", "HR", "IP", "ER", "CV", "CR", "CC", "FX",
}
# Dotted abbreviations that look like initials but are degrees, places or courts.
NOT_DOTTED_INITIALS = {
    "MD", "JD", "US", "DC", "PA", "RN", "LA", "NY", "AM", "PM", "PC", "ND", "SD", "ED", "WD",
    "CD", "BA", "MA", "BS", "MS", "UK", "NJ", "SF", "LLC", "USA", "PHD", "NP", "DO",
    "LPC", "LCSW", "MSW", "ESQ", "AKA", "FBI", "DEA", "ICE", "CBP", "DHS", "DOJ",
}

# Capitalized words that NER calls a PERSON in forms and headers but never are one.
NOT_NAMES = {
    # titles of respect and kinship that open a name ("Hna. Rebeca", "Kuya Ben"), not names
    "hna", "hno", "kuya", "madan", "manmi", "tonton", "matant", "doña", "det", "sgt", "lt",
    "dep", "insp", "cpl", "addr", "tel", "ofc", "narne",
    # a record's field labels ("Res: 3310 Old Lincoln Way", "Occ: cook", "Emp: Kettering")
    "res", "occ", "emp", "ph", "hph", "wph",
    # grandparents as the clients' families call them ("lived with her mamaw", "Kokum said")
    "mamaw", "papaw", "meemaw", "memaw", "pawpaw", "granny", "grammy", "grampy", "gramps",
    "kokum", "nookomis", "abuelita", "abuelito", "lolo", "lola",
    # Oromo and Amharic titles of respect ("Obbo Tolasa", "Aadde Caaltuu", "Ato Dawit")
    "obbo", "aadde", "ato", "weyzero",
    # a report's shorthand for its people and staff's credentials ("Juv stated", "Susp fled",
    # "ADA Mize", "Darnell Haskins, MSW"); kin and respect words in Tagalog ("Ate Rowena")
    "juv", "subj", "susp", "vict", "tpr", "ada", "ausa", "msw", "lcsw", "lmsw", "lpn",
    "ate", "tita", "tito", "manang", "manong", "ibu", "pak", "bapak", "mbak",
    "didi", "dai", "bhai",
    "alert", "birth", "passport", "client", "juvenile", "listings", "listing", "queue", "bates",
    "motion", "plaintiff", "plaintiffs", "defendant", "defendants", "exhibit", "dob", "ssn",
    "electronically", "resident", "guardian", "mother", "father", "mama", "mom", "dad", "judge",
    "court", "counsel", "attorney", "victim", "witness", "officer", "detective", "nurse", "doctor",
    "staff", "manager", "supervisor", "employee", "employer", "recruiter", "driver", "interviewer",
    "interpreter", "reporter", "analyst", "user", "username", "account", "name", "phone", "email",
    "address", "date", "time", "note", "notes", "subject", "re", "from", "to", "sent", "cc",
    "thanks", "regards", "dear", "hon", "honorable", "the", "a", "an", "and", "or", "of", "in",
    "on", "at", "for", "by", "with", "god", "lord", "jesus", "christ", "amen", "visa",
    "mastercard", "apple", "google", "instagram", "facebook", "telegram", "whatsapp", "snapchat",
    "zalo", "viber", "kakaotalk", "botim",
    "tiktok", "twitter", "signal", "venmo", "cashapp", "zelle", "paypal", "uber", "lyft",
    # games and platforms children are groomed on: a child "plays Roblox", no one called so
    "roblox", "fortnite", "minecraft", "discord", "twitch", "xbox", "playstation", "kik",
    "grindr", "tinder", "bumble", "onlyfans", "meetme", "skout", "reddit", "youtube", "omegle",
    "walmart", "target", "nissan", "ford", "dodge", "toyota", "honda", "chevy", "chevrolet", "kia",
    "hyundai", "bmw", "mercedes", "jeep", "tesla", "charger", "altima", "camry", "civic", "accord",
    "corolla", "van", "truck", "sedan", "suv", "room", "suite", "unit", "apt", "apartment",
    "street", "avenue", "road", "drive", "lane", "county", "city", "state", "district", "north",
    "south", "east", "west", "northern", "southern", "eastern", "western", "central", "middle",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "tomorrow", "yesterday", "tonight", "morning", "evening",
    "night", "week", "month", "year", "page", "section", "rule", "act", "code", "law", "statute",
    "order", "complaint", "answer", "declaration", "affidavit", "deposition", "transcript",
    "record", "records", "report", "intake", "assessment", "plan", "objective", "subjective",
    "summary", "background", "introduction", "parties", "count", "claims", "relief", "prayer",
    "jury", "trial", "demanded", "dated", "signed", "executed", "submitted", "respectfully",
    "sincerely", "privileged", "confidential", "sealed", "redacted", "pseudonym", "doe", "jane",
    "john", "roe", "inc", "llc", "llp", "corp", "co", "ltd", "group", "services", "hospitality",
    "ok", "yes", "no", "hi", "hey", "hello", "bye", "lol", "omg", "baby", "babe", "bae", "sir",
    "madam", "ma'am", "boss", "daddy", "papi", "mami", "bro", "sis", "dude", "man", "girl", "boy",
    "lady", "gentleman", "people", "everyone", "someone", "nobody", "client's", "times", "source",
    "thread", "contact", "extraction", "automated", "docket", "file", "payment", "photos",
    "moderation", "title", "posted", "created", "removed", "verified", "registered", "display",
    "action", "closed", "received", "ticket", "reason", "crew", "rate", "hours", "gross", "net",
    "deductions", "housing", "transportation", "tools", "equipment", "advance", "repayment",
    "uniform", "grower", "orchard", "language", "interview", "current", "preferred",
    "legal", "referral", "admission", "vitals", "labs", "weight", "education", "safety", "trust",
    "follow", "up", "open", "items", "event", "spanish", "english", "ukrainian", "russian",
    "filipina", "filipino", "guatemalan", "mexican", "american", "african", "asian", "european",
    "latina", "latino", "hispanic", "black", "white", "asap", "fyi", "aka", "unknown", "medicaid",
    "medicare", "sheriff", "police", "agency", "department", "office", "clinic", "project",
    "center", "house", "shelter", "program", "school", "church", "hospital", "airport", "motel",
    "hotel", "inn", "master", "chronology", "timeline", "memo", "memorandum", "draft", "final",
    "exhibits", "appendix", "attachment", "schedule", "table", "figure", "log", "logs", "excerpt",
    "atm", "withdrawal", "deposit", "balance", "description", "amount", "total", "notice",
    "letter", "goes", "went", "says", "said", "called", "named", "known", "also", "per",
    "via", "see", "me", "you", "him", "her", "us", "them", "myself", "mon", "tue", "wed",
    "thu", "fri", "sat", "sun", "mija", "mijo", "mijita", "mijito", "amor", "bebe", "nena",
    "mgr", "asst", "supv", "dept",
    # a court's and a filing's abbreviations ("Crim. No. 24-311", "Civ. Action"), the Holy Week
    # ("Semana Santa"), a prefix of peoples ("Afro-Colombian")
    "crim", "civ", "misc", "proc", "evid", "semana", "afro",
}

# Stores and the brands taken from them: no one is called so ("four Yeti coolers", "Nike Air
# Max", "Publix"), and a name after one is a product's ("Air Max")
BRANDS = frozenset({
    "publix", "kroger", "ulta", "sephora", "costco", "walgreens", "cvs", "safeway", "meijer",
    "aldi", "yeti", "nike", "adidas", "samsung", "pandora", "similac", "walmart", "target",
    "apple", "google", "gucci", "vuitton", "chanel",
    # games, their currencies and the streaming sites children are groomed on
    "roblox", "robux", "fortnite", "minecraft", "valorant", "xbox", "playstation", "nintendo",
    "twitch", "kick", "discord", "steam", "v-bucks", "vbucks", "rumble", "onlyfans",
})
NOT_NAMES |= BRANDS

# Everyday words that are also first names: only a capitalized use counts as the name.
COMMON_WORD_NAMES = {
    "dawn", "hope", "faith", "grace", "joy", "will", "may", "june", "april", "august", "rose",
    "lily", "iris", "ruby", "pearl", "amber", "crystal", "summer", "autumn", "winter", "sky",
    "skye", "star", "bill", "mark", "rich", "bob", "sue", "pat", "jack", "frank", "art", "bud",
    "chase", "cash", "honey", "sugar", "candy", "angel", "precious", "diamond", "jade", "ivy",
    "holly", "heather", "daisy", "violet", "cherry", "destiny", "essence", "brandy", "cinnamon",
    "ginger", "spice", "honor", "charity", "patience", "trinity", "miracle", "china", "paris",
    "brooklyn", "dallas", "austin", "jordan", "madison", "kay", "mila", "rosa", "cel", "lexi",
    "kiki", "nina", "ana", "can", "don", "ken", "gene", "ray", "wade", "drew", "dean", "earl",
    "guy", "hunter", "mason", "miles", "rob", "tim", "dale", "lane", "reed", "roman", "royal",
    "sterling", "major", "young", "long", "wolf", "fox", "bear", "sierra", "sunny", "storm",
    "river", "sage", "willow", "hazel", "olive", "penny", "misty", "bliss", "haven", "harmony",
    "melody", "serenity", "journey", "passion", "mercy", "liberty", "justice", "king", "prince",
    "princess", "queen", "lucky", "goddess", "money", "cookie", "peaches", "bunny", "kitty",
    # Spanish everyday words that are names
    "esperanza", "luz", "paz", "sol", "mar", "cruz", "dolores", "soledad", "consuelo", "gloria",
    "reina", "blanca", "estrella", "milagros", "alegria", "dulce", "cielo", "fe", "caridad",
    "amparo", "socorro", "pilar", "rosario", "mercedes", "angeles", "concepcion", "asuncion",
    "trinidad", "luna", "flor", "perla", "azucena", "violeta", "margarita", "jazmin", "reyes",
    "nieves", "belen", "lourdes", "remedios", "rocio", "aurora", "victoria", "linda", "bella",
    "preciosa", "princesa", "cariño", "nena", "chula", "chiquita", "guera", "morena",
    "domingo", "justo", "santos", "salvador", "modesto", "clemente", "celeste", "feliz", "fiel",
}
VEHICLE_MAKES = (r"GMC|Chevy|Chevrolet|Ford|Toyota|Nissan|Honda|Dodge|Jeep|Kia|Hyundai|Buick|"
                 r"Cadillac|Lincoln|Mazda|Subaru|Volkswagen|VW|Chrysler|Ram|Mitsubishi|Acura|Lexus|"
                 r"Infiniti|Pontiac|Saturn|Mercury|Oldsmobile|Plymouth|Dacia|Renault|Peugeot|"
                 r"Citroen|Citroën|Skoda|Škoda|Opel|Fiat|Audi|BMW|Volvo")

RELATIONS = (
    r"(?:step[- ]?)?(?:mother|father|mom|dad|mama|papa|parent|sister|brother|sibling|aunt|"
    r"uncle|cousin|grandmother|grandfather|grandma|grandpa|granddaughter|grandson|niece|nephew|"
    r"son|daughter|children|child|kid|baby|boy|girl|husband|wife|spouse|partner|boyfriend|girlfriend|"
    r"fianc[ée]e?|godmother|godfather|guardian|foster(?: (?:mother|father|parent|mom|dad))?|"
    r"case ?worker|case manager|social worker|therapist|counselor|counsellor|teacher|coach|"
    r"public defender|guardian ad litem|advocate|pastor|best friend|friend|roommate|"
    r"classmate|neighbor|neighbour|in-law|sister-in-law|brother-in-law|mother-in-law|"
    r"father-in-law|GAL|CW|caregiver|sponsor|host (?:family|mother|father|mom|dad)|"
    r"foster parents|kinship (?:caregiver|placement)|CPS (?:specialist|worker)|"
    # "her Children's Aid worker", "her victim services worker", "her assigned PD"
    r"worker|PD|ex|ex-(?:boyfriend|girlfriend|husband|wife|partner)|"
    # in Spanish: "tu mamá Zuleima", "su hermana Leidy"
    r"mam[aá]|madre|pap[aá]|padre|herman[oa]|t[ií][oa]|abuel[oa]|prim[oa]|hij[oa]|espos[oa]|"
    r"novi[oa]|amig[oa])"
)

# Capitalised words that describe people without naming anyone: nationalities and demonyms,
# peoples and tribes, roles and titles. Never a [Person N].
NOT_PEOPLE = {
    "afghan", "african", "albanian", "algerian", "american", "angolan", "argentine",
    "argentinian", "armenian", "asian", "australian", "austrian", "bangladeshi", "belizean",
    "bolivian", "brazilian", "british", "bulgarian", "burmese", "cambodian", "cameroonian",
    "canadian", "caribbean", "chilean", "chinese", "colombian", "congolese", "costa", "rican",
    "croatian", "cuban", "czech", "dominican", "dutch", "ecuadorian", "egyptian", "english",
    "eritrean", "ethiopian", "european", "filipina", "filipino", "french", "german", "ghanaian",
    "greek", "guatemalan", "guyanese", "haitian", "hispanic", "honduran", "hungarian", "indian",
    "indonesian", "iranian", "iraqi", "irish", "israeli", "italian", "jamaican", "japanese",
    "jordanian", "kenyan", "korean", "laotian", "latina", "latino", "latinx", "lebanese",
    "liberian", "malaysian", "mexican", "moldovan", "mongolian", "moroccan", "nepali",
    "nicaraguan", "nigerian", "pakistani", "palestinian", "panamanian", "paraguayan",
    "peruvian", "polish", "portuguese", "puerto", "romanian", "russian", "salvadoran",
    "salvadorian", "senegalese", "serbian", "sierra", "leonean", "somali", "spanish", "sudanese",
    "swedish", "syrian", "taiwanese", "thai", "tongan", "trinidadian", "turkish", "ugandan",
    "ukrainian", "uzbek", "venezuelan", "vietnamese", "yemeni", "zimbabwean", "black", "white",
    "indigenous", "native", "mayan", "maya", "aztec", "quiche", "k'iche'", "mam", "garifuna",
    "k'iche", "kiche", "philippine", "america", "americas", "hond", "hondureña", "hondureño",
    "hondurena", "hondureno", "guatemalteca", "guatemalteco", "salvadoreña", "salvadoreño",
    "mexicana", "mexicano", "nicaragüense", "catracha", "catracho", "chapina", "chapín",
    "pinay", "pinoy", "boricua",
    "navajo", "dine", "cherokee", "lakota", "dakota", "sioux", "apache", "ojibwe", "ojibwa",
    "chippewa", "choctaw", "chickasaw", "creek", "muscogee", "seminole", "hopi", "zuni",
    "pueblo", "mohawk", "seneca", "oneida", "iroquois", "comanche", "kiowa", "osage", "crow",
    "blackfeet", "cheyenne", "arapaho", "shoshone", "paiute", "yupik", "inupiat", "inuit",
    "aleut", "tlingit", "haida", "hmong", "tribal", "tribe", "nation", "band",
    "lao", "khmer", "marshallese", "micronesian", "chuukese", "samoan", "fijian", "verdean",
    "kriolu", "creole", "kreyol", "fujianese", "cantonese", "mandarin", "abenaki",
    "wampanoag", "narragansett", "penobscot", "oglala", "tibetan", "uyghur", "nepalese",
    # West Africa's peoples and languages: "I am Ashanti and I speak Twi"
    "ashanti", "twi", "akan", "fante", "fanti", "ewe", "dagomba", "yoruba", "igbo",
    "hausa", "fulani", "edo", "ijaw", "efik", "ibibio", "tiv", "kanuri", "wolof", "mandinka",
    "ute",
    # Europe's Roma; East Africa's peoples and its common language; Punjab's faith and castes
    # ("an older Roma man", "Luo and Swahili", "a Jat Sikh family")
    "roma", "romani", "romany", "sinti", "gitano", "gitana", "luo", "kikuyu", "gikuyu",
    "kalenjin", "luhya", "kamba", "maasai", "masai", "swahili", "kiswahili", "sikh", "sikhs",
    "jat", "dalit",
    # languages clients speak: "interview in Telugu", "her Tagalog"
    "tagalog", "ilocano", "ilokano", "cebuano", "visayan", "bisaya", "kapampangan", "telugu",
    "tamil", "punjabi", "gujarati", "bengali", "bangla", "hindi", "urdu", "marathi", "pashto",
    "dari", "tigrinya", "amharic", "oromo", "kaqchikel", "q'anjob'al", "qanjobal", "akateko",
    "chuj", "ixil", "tzotzil", "tzeltal", "quechua", "aymara", "rohingya", "patois",
    "guardian", "litem", "ad", "gal", "casa", "advocate", "caseworker", "paralegal",
    "counselor", "therapist", "clerk", "bailiff", "magistrate", "prosecutor", "defender",
    "sergeant", "lieutenant", "captain", "chief", "trooper", "deputy", "marshal", "special",
    "agent", "investigator", "examiner", "coordinator", "director", "president", "secretary",
    "treasurer", "chair", "chairman", "chairwoman", "professor", "principal", "teacher",
    "coach", "pastor", "reverend", "father", "sister", "brother", "nurse", "doctor",
    "housekeeper", "housekeeping", "manager", "night", "front", "desk", "security", "guard",
    "owner", "landlord", "tenant", "driver", "dispatcher", "bartender", "waitress", "waiter",
    "cook", "dishwasher", "nanny", "maid", "survivor", "survivors", "minor", "plaintiff",
    # faiths ("a good Christian girl", "her Christian name")
    "christian", "christians", "muslim", "catholic", "baptist", "methodist", "mormon",
    "lutheran", "jewish", "hindu", "buddhist", "evangelical", "pentecostal", "protestant",
    "adventist", "amish", "mennonite",
    # Hmong kinship ("Niam Tais", her mother's mother) and Ojibwe courtesy ("Miigwech")
    "niam", "tais", "txiv", "yawg", "pog", "yawm", "miigwech", "boozhoo", "aaniin",
    # a care worker and the people a record names by their part in it ("Caregiver's cell",
    # "Suspect: SZABO, VICTOR", "Complainant/Victim")
    "caregiver", "caregivers", "aide", "aides", "homemaker", "sitter", "babysitter", "patient",
    "suspect", "suspects", "complainant", "respondent", "petitioner", "applicant", "sender",
    "recipient", "payee", "payer", "beneficiary", "cosigner", "sponsor",
    # a phone's and a payment's codes ("SIM ICCID", "Wise USD acct", "Receive PHP")
    "sim", "iccid", "imei", "imsi", "meid", "usd", "php", "mxn", "gtq", "hnl", "eur", "gbp",
    "inr", "ngn", "ghs", "kes", "uah", "usdt", "btc", "eth",
}


# what a PDF content stream may put between two words of a line ("Judge)Tj ET BT 54 569 TD
# (Castillo"): the leak check reads names across it
STREAM_GAP = (r"(?:\s+|\s*(?:[()\[\]]|\bT[jJdDm*f]\b|\bET\b|\bBT\b|\bTL\b|-?[\d.]+|/\w+)"
               r"(?:\s*(?:[()\[\]]|\bT[jJdDm*f]\b|\bET\b|\bBT\b|\bTL\b|-?[\d.]+|/\w+))*\s*)")

# Ukrainian letters as Ukrainian names are written in Latin letters (anyascii reads them the
# Russian way): "Галина" is Halyna, "Світлана" Svitlana
UKRAINIAN_LATIN = str.maketrans({"г": "h", "Г": "H", "и": "y", "И": "Y", "і": "i", "І": "I",
                                 "ї": "yi", "Ї": "Yi", "є": "ye", "Є": "Ye", "й": "y", "Й": "Y"})

# forms of address that are everyday-word names too: "Your Honor", "His Grace"
STYLE_BEFORE = re.compile(r"\b(?:Your|Her|His|Their|your|her|his|their)[ \t]+$")
STYLED = frozenset({"honor", "honour", "grace", "majesty", "excellency", "eminence", "worship",
                    "highness", "lordship", "ladyship"})


# Spanish given names and the pet names everyone knows them by, which share few letters with
# them: "Lupita" is Guadalupe, "Chuy" Jesús, "Pancho" Francisco (folded)
HYPOCORISMS: dict[str, tuple[str, ...]] = {
    "guadalupe": ("lupe", "lupita", "lupis"), "jose": ("pepe", "pepito", "chepe", "cheo", "zeca"),
    "francisco": ("paco", "pancho", "panchito", "paquito", "kiko", "curro", "chico"),
    "jesus": ("chuy", "chucho", "chuyito"), "ignacio": ("nacho",), "dolores": ("lola", "lolita"),
    "concepcion": ("concha", "conchita", "chona"), "graciela": ("chela",),
    "guillermo": ("memo", "guille"), "enrique": ("kike", "quique"), "rosario": ("chayo", "charo"),
    "soledad": ("chole",), "eduardo": ("lalo",), "gonzalo": ("chalo",), "consuelo": ("chelo",),
    "mercedes": ("meche",), "manuel": ("manolo",), "roberto": ("beto",), "alberto": ("beto",),
    "humberto": ("beto",), "ernesto": ("neto",), "isabel": ("chabela", "chavela"),
    "refugio": ("cuca", "cuquita", "cuco"), "salvador": ("chava", "chavo"),
    "santiago": ("chago",), "antonio": ("tono", "tonito"), "teresa": ("tere",),
    "patricia": ("paty", "pati"), "rafael": ("rafa",), "alejandro": ("jando",),
    "alejandra": ("jandra",), "anunciacion": ("chon", "chona"), "asuncion": ("chon",),
    "ascension": ("chencho",), "lorenzo": ("chencho",), "vicente": ("chente",),
    "inocencio": ("chencho",), "gregorio": ("goyo",), "librado": ("lilo",),
    "margarita": ("mago",), "socorro": ("coco",), "ramona": ("moncha",), "ramon": ("moncho",),
    "luis": ("lucho",), "luisa": ("lucha",),
    # Portuguese: "Bia" of Beatriz, "Tião" of Sebastião, "Zé" of José
    "beatriz": ("bia",), "sebastiao": ("tiao",), "joao": ("joca",), "raimunda": ("mundinha",),
    "raimundo": ("mundico",), "fernanda": ("nanda",), "fernando": ("nando",),
    "francisca": ("chica", "chiquinha"), "conceicao": ("ceicao",),
}
