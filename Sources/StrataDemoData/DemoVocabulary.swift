/// The fixed word lists demo rows draw from (a few non-ASCII names on purpose).
enum DemoVocabulary {
    /// (display name, ASCII form for e-mail addresses).
    static let firstNames: [(String, String)] = [
        ("Alice", "alice"), ("Bruno", "bruno"), ("Chloé", "chloe"), ("David", "david"), ("Emma", "emma"),
        ("Farid", "farid"), ("Grace", "grace"), ("Hugo", "hugo"), ("Inès", "ines"), ("Jonas", "jonas"),
        ("Keiko", "keiko"), ("Léa", "lea"), ("Łukasz", "lukasz"), ("Mateo", "mateo"), ("Nadia", "nadia"),
        ("Oscar", "oscar"), ("Priya", "priya"), ("Quentin", "quentin"), ("Rosa", "rosa"), ("Søren", "soren"),
        ("Tariq", "tariq"), ("Uma", "uma"), ("Victor", "victor"), ("Wen", "wen"), ("Yusuf", "yusuf"), ("Zoë", "zoe"),
        ("李雷", "li.lei"), ("Ayşe", "ayse"),
    ]
    static let lastNames: [(String, String)] = [
        ("Martin", "martin"), ("Bernard", "bernard"), ("Dubois", "dubois"), ("Schmidt", "schmidt"),
        ("Müller", "mueller"), ("Nowak", "nowak"), ("Kowalski", "kowalski"), ("Tanaka", "tanaka"), ("Sato", "sato"),
        ("García", "garcia"), ("Rossi", "rossi"), ("Smith", "smith"), ("Johnson", "johnson"), ("Nguyễn", "nguyen"),
        ("Okafor", "okafor"), ("Andersen", "andersen"), ("Petrov", "petrov"), ("Silva", "silva"), ("O'Brien", "obrien"),
        ("Yılmaz", "yilmaz"), ("Haddad", "haddad"), ("Novák", "novak"),
    ]
    static let timezones = [
        "Europe/Paris", "Europe/Berlin", "Europe/Warsaw", "Europe/London", "America/New_York", "America/Sao_Paulo",
        "Asia/Tokyo", "Asia/Shanghai", "Africa/Lagos", "UTC",
    ]
    static let languages = ["en", "fr", "de", "pl", "ja", "zh", "es", "pt"]
    static let cities = [
        "Paris", "Lyon", "Grenoble", "Berlin", "Kraków", "London", "Tōkyō", "Shanghai", "São Paulo", "Lagos",
        "Zürich", "Montréal",
    ]
    static let bios = [
        "Works on climate data pipelines.", "Enjoys long-distance cycling and good coffee.",
        "Research engineer, soil carbon.", "Keeps the lab's freezers running.", "Project manager — ask me anything.",
        "Data scientist; R and Swift.", "Écrit des scripts pour tout.", "喜欢数据可视化。",
    ]
    static let userAgents = [
        "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0", "strata-cli/1.0", "curl/8.5.0",
    ]
    static let projectNouns = [
        "Atlas", "Beacon", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kestrel",
        "Lumen", "Meridian", "Nimbus", "Orchid", "Polaris", "Quartz", "Ridge", "Sequoia", "Tundra",
    ]
    static let projectKinds = [
        "Migration", "Redesign", "Audit", "Rollout", "Study", "Platform", "Inventory", "Campaign", "Pipeline",
        "Dashboard",
    ]
    static let projectDescriptions = [
        "Move the remaining services to the new platform.", "Quarterly carbon inventory for all sites.",
        "Replace the legacy reporting tool.", "Measure and reduce travel emissions.",
        "Consolidate supplier data — phase 2.", "Open the dashboard to every laboratory.",
    ]
    static let taskVerbs = [
        "Review", "Write", "Update", "Fix", "Design", "Test", "Document", "Migrate", "Measure", "Plan", "Deploy",
        "Clean up",
    ]
    static let taskObjects = [
        "the import format", "supplier survey", "emission factors table", "login flow", "quarterly report",
        "CSV validation", "the onboarding guide", "travel policy", "database indexes", "API pagination",
        "the energy dashboard", "access rights", "freezer inventory", "unit conversions",
    ]
    static let taskDescriptions = [
        "See the discussion in the last meeting.", "Blocked until the data arrives.", "Needs a second reviewer.",
        "Keep it small; we can iterate.", "Check edge cases with empty files.", "Données à vérifier avec l'équipe.",
    ]
    static let tags = ["backend", "frontend", "data", "urgent", "bug", "docs", "infra", "research", "ux", "carbon"]
    static let laboratoryNames = [
        "Laboratoire de Physique des Solides", "Institute for Soil Carbon", "Marine Biology Station",
        "Centre for Atmospheric Chemistry", "Quantum Materials Lab", "Plant Genomics Group", "Glaciology Unit",
        "Urban Energy Lab", "Instytut Chemii Fizycznej", "Forschungszentrum Wasser", "Tōhoku Climate Lab",
        "Neuroscience Imaging Centre",
    ]
    static let laboratoryDescriptions = [
        "Experimental physics with two cryostats.", "Field measurements and a small wet lab.",
        "Runs a research vessel three months a year.", "Computing-heavy: a 400-node cluster.",
    ]
    static let countries = ["FR", "DE", "PL", "JP", "GB", "US", "CN", "ES", "NG", "BR"]

    struct Factor {
        var name: String
        var category: String
        var unit: String
        var value: Double
    }

    static let factors: [Factor] = [
        Factor(name: "Electricity, France grid mix", category: "ELECTRICITY", unit: "kWh", value: 0.052),
        Factor(name: "Electricity, Germany grid mix", category: "ELECTRICITY", unit: "kWh", value: 0.38),
        Factor(name: "Electricity, Poland grid mix", category: "ELECTRICITY", unit: "kWh", value: 0.72),
        Factor(name: "Diesel", category: "FUEL", unit: "L", value: 2.68),
        Factor(name: "Petrol", category: "FUEL", unit: "L", value: 2.31),
        Factor(name: "Natural gas", category: "HEATING", unit: "kWh", value: 0.227),
        Factor(name: "District heating", category: "HEATING", unit: "kWh", value: 0.17),
        Factor(name: "Air travel, short haul", category: "TRAVEL", unit: "passenger·km", value: 0.258),
        Factor(name: "Air travel, long haul", category: "TRAVEL", unit: "passenger·km", value: 0.152),
        Factor(name: "Train, high speed", category: "TRAVEL", unit: "passenger·km", value: 0.0029),
        Factor(name: "Laptop computer", category: "PURCHASED_GOODS", unit: "unit", value: 156.0),
        Factor(name: "Office paper", category: "PURCHASED_GOODS", unit: "kg", value: 0.919),
        Factor(name: "Lab consumables (plastics)", category: "PURCHASED_GOODS", unit: "kg", value: 3.1),
        Factor(name: "Municipal waste, incinerated", category: "WASTE", unit: "kg", value: 0.446),
        Factor(name: "Tap water", category: "WATER", unit: "m³", value: 0.132),
        Factor(name: "Refrigerant R-134a leak", category: "REFRIGERANTS", unit: "kg", value: 1430.0),
    ]
    static let factorSources = ["ADEME Base Empreinte", "UK DEFRA 2024", "IPCC AR6", "ecoinvent 3.10"]
    static let regions = ["FR", "DE", "PL", "EU", "GLOBAL"]
    static let factorTags = ["scope1", "scope2", "scope3", "energy", "mobility", "purchases", "default"]
    static let recordNotes = [
        "Meter reading", "Estimated from invoices", "Conference trip", "Annual purchase", "Corrected value",
        "Relevé compteur — bâtiment B",
    ]
    static let importErrorMessages = [
        "Quantity is not a number.", "Unknown emission factor.", "Activity date is not a valid date.",
        "Missing required column.", "Quantity must not be negative.",
    ]
    static let importErrorColumns = ["quantity", "factor", "activity_date", "unit"]
}
