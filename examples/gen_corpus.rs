//! Generates a deterministic corpus of French news articles with planted discrepancies, for
//! measuring crosscheck's speed and accuracy at scale.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --mb 100 OUT_DIR [--seed N] [--error-rate 0.05]
//!                                            [--gazetteer FILE]
//! ```
//!
//! - `OUT_DIR/NNN/sSSSSS-K.md`: articles of 2–6 KB with TOML front matter (title, date, outlet), in
//!   subfolders of 1000 files. Article K of story SSSSS; a story is 3–7 articles about one event
//!   (an attack, a summit and its treaty, a disaster, a financing agreement, an epidemic) with the
//!   same people, places, organisations, dates, counts and quotations.
//! - `OUT_DIR/planted.toml`: the discrepancies planted, in the answer-key format of
//!   `shared/eval/seed-answers.toml` (files relative to OUT_DIR, exact evidence texts), to score with
//!   `shared/eval/score.py OUT_DIR/planted.toml findings.json --corpus OUT_DIR`.
//! - `--gazetteer FILE`: the 50 names and terms the corpus mentions most, one a line (for
//!   `rg -c -w -F -f FILE`).
//!
//! `--error-rate R` (default 0.05) is the share of articles that carry one planted discrepancy: a
//! minister given another portfolio, a misspelt name, a treaty under another head noun ("Carte"
//! for "Charte"), another acronym, a reworded quotation, another event date, or a lower death toll
//! in the story's latest article. Everything else in a story is consistent.
//!
//! The output depends only on the seed: a run for 10 MB writes the first stories of a run for
//! 100 MB, byte for byte. "MB" is 10^6 bytes of article files. All people, localities,
//! organisations and treaties are invented.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// ------------------------------------------------------------------------------------------ rng

/// splitmix64: small, fast, and the same on every platform.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn word(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

fn mix(a: u64, b: u64) -> u64 {
    Rng::new(a ^ b.wrapping_mul(0xD6E8_FEB8_6659_FD93)).next_u64()
}

// ----------------------------------------------------------------------------------------- dates

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, usize, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m as usize, d)
}

fn weekday(z: i64) -> &'static str {
    WEEKDAYS[(z + 3).rem_euclid(7) as usize]
}

fn day_month(z: i64) -> String {
    let (_, m, d) = civil_from_days(z);
    if d == 1 {
        format!("1er {}", MONTHS[m - 1])
    } else {
        format!("{d} {}", MONTHS[m - 1])
    }
}

fn iso(z: i64) -> String {
    let (y, m, d) = civil_from_days(z);
    format!("{y:04}-{m:02}-{d:02}")
}

// ------------------------------------------------------------------------------------ vocabulary

struct Country {
    name: &'static str,
    the: &'static str,
    de: &'static str,
    en: &'static str,
    adj: &'static str,
    adjf: &'static str,
    capital: &'static str,
    towns: &'static [&'static str],
    region: usize,
    host: bool,
}

#[allow(clippy::too_many_arguments)]
const fn c(
    name: &'static str,
    the: &'static str,
    de: &'static str,
    en: &'static str,
    adj: &'static str,
    adjf: &'static str,
    capital: &'static str,
    towns: &'static [&'static str],
    region: usize,
    host: bool,
) -> Country {
    Country {
        name,
        the,
        de,
        en,
        adj,
        adjf,
        capital,
        towns,
        region,
        host,
    }
}

/// Regions: 0 Sahel, 1 Gulf of Guinea coast, 2 Central Africa, 3 East Africa and Indian Ocean,
/// 4 Maghreb, 5 Europe and North America. Names are drawn from the region's pools.
const COUNTRIES: &[Country] = &[
    c(
        "Mali",
        "le Mali",
        "du Mali",
        "au Mali",
        "malien",
        "malienne",
        "Bamako",
        &[
            "Kayes",
            "Ségou",
            "Mopti",
            "Sikasso",
            "Gao",
            "Tombouctou",
            "Koutiala",
            "Kidal",
        ],
        0,
        true,
    ),
    c(
        "Burkina Faso",
        "le Burkina Faso",
        "du Burkina Faso",
        "au Burkina Faso",
        "burkinabè",
        "burkinabè",
        "Ouagadougou",
        &[
            "Bobo-Dioulasso",
            "Koudougou",
            "Ouahigouya",
            "Kaya",
            "Dori",
            "Banfora",
            "Djibo",
            "Tenkodogo",
        ],
        0,
        true,
    ),
    c(
        "Niger",
        "le Niger",
        "du Niger",
        "au Niger",
        "nigérien",
        "nigérienne",
        "Niamey",
        &[
            "Zinder",
            "Maradi",
            "Agadez",
            "Tahoua",
            "Dosso",
            "Tillabéri",
            "Diffa",
            "Arlit",
        ],
        0,
        true,
    ),
    c(
        "Sénégal",
        "le Sénégal",
        "du Sénégal",
        "au Sénégal",
        "sénégalais",
        "sénégalaise",
        "Dakar",
        &[
            "Thiès",
            "Saint-Louis",
            "Kaolack",
            "Ziguinchor",
            "Tambacounda",
            "Kolda",
            "Louga",
            "Matam",
        ],
        0,
        true,
    ),
    c(
        "Guinée",
        "la Guinée",
        "de la Guinée",
        "en Guinée",
        "guinéen",
        "guinéenne",
        "Conakry",
        &[
            "Kankan",
            "Kindia",
            "Labé",
            "Nzérékoré",
            "Boké",
            "Siguiri",
            "Mamou",
            "Faranah",
        ],
        0,
        true,
    ),
    c(
        "Mauritanie",
        "la Mauritanie",
        "de la Mauritanie",
        "en Mauritanie",
        "mauritanien",
        "mauritanienne",
        "Nouakchott",
        &[
            "Nouadhibou",
            "Kiffa",
            "Kaédi",
            "Rosso",
            "Zouérate",
            "Néma",
            "Atar",
        ],
        0,
        true,
    ),
    c(
        "Tchad",
        "le Tchad",
        "du Tchad",
        "au Tchad",
        "tchadien",
        "tchadienne",
        "N'Djamena",
        &[
            "Moundou",
            "Abéché",
            "Sarh",
            "Mongo",
            "Am Timan",
            "Bol",
            "Faya-Largeau",
            "Adré",
        ],
        0,
        true,
    ),
    c(
        "Côte d'Ivoire",
        "la Côte d'Ivoire",
        "de la Côte d'Ivoire",
        "en Côte d'Ivoire",
        "ivoirien",
        "ivoirienne",
        "Abidjan",
        &[
            "Bouaké",
            "Daloa",
            "Korhogo",
            "San-Pédro",
            "Man",
            "Gagnoa",
            "Odienné",
            "Yamoussoukro",
        ],
        1,
        true,
    ),
    c(
        "Bénin",
        "le Bénin",
        "du Bénin",
        "au Bénin",
        "béninois",
        "béninoise",
        "Cotonou",
        &[
            "Porto-Novo",
            "Parakou",
            "Abomey",
            "Natitingou",
            "Djougou",
            "Kandi",
            "Lokossa",
            "Malanville",
        ],
        1,
        true,
    ),
    c(
        "Togo",
        "le Togo",
        "du Togo",
        "au Togo",
        "togolais",
        "togolaise",
        "Lomé",
        &[
            "Sokodé",
            "Kara",
            "Atakpamé",
            "Dapaong",
            "Kpalimé",
            "Tsévié",
            "Mango",
            "Aného",
        ],
        1,
        true,
    ),
    c(
        "Ghana",
        "le Ghana",
        "du Ghana",
        "au Ghana",
        "ghanéen",
        "ghanéenne",
        "Accra",
        &["Kumasi", "Tamale", "Takoradi", "Bolgatanga"],
        1,
        false,
    ),
    c(
        "Nigeria",
        "le Nigeria",
        "du Nigeria",
        "au Nigeria",
        "nigérian",
        "nigériane",
        "Abuja",
        &["Lagos", "Kano", "Maiduguri", "Ibadan"],
        1,
        false,
    ),
    c(
        "Cameroun",
        "le Cameroun",
        "du Cameroun",
        "au Cameroun",
        "camerounais",
        "camerounaise",
        "Yaoundé",
        &[
            "Douala",
            "Garoua",
            "Maroua",
            "Bamenda",
            "Bafoussam",
            "Ngaoundéré",
            "Bertoua",
            "Kousseri",
        ],
        2,
        true,
    ),
    c(
        "Gabon",
        "le Gabon",
        "du Gabon",
        "au Gabon",
        "gabonais",
        "gabonaise",
        "Libreville",
        &[
            "Port-Gentil",
            "Franceville",
            "Oyem",
            "Moanda",
            "Lambaréné",
            "Mouila",
            "Tchibanga",
        ],
        2,
        true,
    ),
    c(
        "Congo",
        "le Congo",
        "du Congo",
        "au Congo",
        "congolais",
        "congolaise",
        "Brazzaville",
        &[
            "Pointe-Noire",
            "Dolisie",
            "Nkayi",
            "Owando",
            "Ouesso",
            "Impfondo",
            "Sibiti",
        ],
        2,
        true,
    ),
    c(
        "Centrafrique",
        "la Centrafrique",
        "de la Centrafrique",
        "en Centrafrique",
        "centrafricain",
        "centrafricaine",
        "Bangui",
        &[
            "Bambari",
            "Berbérati",
            "Bouar",
            "Bossangoa",
            "Bria",
            "Kaga-Bandoro",
            "Obo",
        ],
        2,
        true,
    ),
    c(
        "Madagascar",
        "Madagascar",
        "de Madagascar",
        "à Madagascar",
        "malgache",
        "malgache",
        "Antananarivo",
        &[
            "Toamasina",
            "Mahajanga",
            "Fianarantsoa",
            "Toliara",
            "Antsiranana",
            "Morondava",
            "Ambositra",
        ],
        3,
        true,
    ),
    c(
        "Djibouti",
        "Djibouti",
        "de Djibouti",
        "à Djibouti",
        "djiboutien",
        "djiboutienne",
        "Djibouti",
        &["Ali Sabieh", "Tadjourah", "Obock", "Dikhil", "Arta"],
        3,
        true,
    ),
    c(
        "Rwanda",
        "le Rwanda",
        "du Rwanda",
        "au Rwanda",
        "rwandais",
        "rwandaise",
        "Kigali",
        &[
            "Huye",
            "Musanze",
            "Rubavu",
            "Rusizi",
            "Nyagatare",
            "Muhanga",
        ],
        3,
        true,
    ),
    c(
        "Burundi",
        "le Burundi",
        "du Burundi",
        "au Burundi",
        "burundais",
        "burundaise",
        "Gitega",
        &[
            "Bujumbura",
            "Ngozi",
            "Muyinga",
            "Rumonge",
            "Makamba",
            "Kayanza",
        ],
        3,
        true,
    ),
    c(
        "Comores",
        "les Comores",
        "des Comores",
        "aux Comores",
        "comorien",
        "comorienne",
        "Moroni",
        &["Mutsamudu", "Fomboni", "Mitsamiouli", "Domoni"],
        3,
        true,
    ),
    c(
        "Maroc",
        "le Maroc",
        "du Maroc",
        "au Maroc",
        "marocain",
        "marocaine",
        "Rabat",
        &[
            "Casablanca",
            "Fès",
            "Marrakech",
            "Tanger",
            "Agadir",
            "Oujda",
            "Errachidia",
        ],
        4,
        true,
    ),
    c(
        "Tunisie",
        "la Tunisie",
        "de la Tunisie",
        "en Tunisie",
        "tunisien",
        "tunisienne",
        "Tunis",
        &[
            "Sfax",
            "Sousse",
            "Kairouan",
            "Gabès",
            "Bizerte",
            "Gafsa",
            "Kasserine",
        ],
        4,
        true,
    ),
    c(
        "Algérie",
        "l'Algérie",
        "de l'Algérie",
        "en Algérie",
        "algérien",
        "algérienne",
        "Alger",
        &[
            "Oran",
            "Constantine",
            "Annaba",
            "Tamanrasset",
            "Ouargla",
            "Béchar",
            "Tlemcen",
        ],
        4,
        true,
    ),
    c(
        "France",
        "la France",
        "de la France",
        "en France",
        "français",
        "française",
        "Paris",
        &["Marseille", "Lyon", "Bordeaux", "Toulouse"],
        5,
        false,
    ),
    c(
        "Belgique",
        "la Belgique",
        "de la Belgique",
        "en Belgique",
        "belge",
        "belge",
        "Bruxelles",
        &["Liège", "Namur", "Charleroi"],
        5,
        false,
    ),
    c(
        "Canada",
        "le Canada",
        "du Canada",
        "au Canada",
        "canadien",
        "canadienne",
        "Ottawa",
        &["Montréal", "Québec", "Gatineau"],
        5,
        false,
    ),
];

const GIVEN_M: [&[&str]; 6] = [
    &[
        "Abdoulaye",
        "Amadou",
        "Moussa",
        "Ibrahim",
        "Ousmane",
        "Mamadou",
        "Seydou",
        "Boubacar",
        "Cheikh",
        "Souleymane",
        "Issa",
        "Hamidou",
        "Yacouba",
        "Lassina",
        "Adama",
        "Bakary",
        "Siaka",
        "Salif",
        "Tiémoko",
        "Zoumana",
        "Drissa",
        "Karamoko",
        "Sidiki",
        "Nouhoum",
        "Hamadoun",
        "Alpha",
        "Thierno",
        "Sékou",
        "Mory",
        "Lansana",
        "Malick",
        "Pape",
        "Modou",
        "Aliou",
        "Ismaïla",
        "Babacar",
        "Lamine",
        "Mahamat",
        "Idriss",
        "Youssouf",
        "Harouna",
        "Djibrilla",
        "Boureima",
        "Hassane",
        "Moctar",
        "Oumarou",
        "Tidiane",
        "Mamoudou",
    ],
    &[
        "Koffi",
        "Kouassi",
        "Yao",
        "Kouadio",
        "Konan",
        "Serge",
        "Didier",
        "Thierry",
        "Hervé",
        "Gilles",
        "Romuald",
        "Parfait",
        "Félix",
        "Désiré",
        "Aristide",
        "Blaise",
        "Achille",
        "Patrice",
        "Rodrigue",
        "Armel",
        "Fabrice",
        "Landry",
        "Bertin",
        "Éloi",
        "Cyrille",
        "Fiacre",
        "Gérard",
        "Kodjo",
        "Komlan",
        "Kossi",
        "Yawo",
        "Edem",
        "Sévérin",
        "Sylvestre",
        "Wenceslas",
        "Kwame",
        "Olusegun",
        "Babatunde",
        "Emeka",
        "Ange",
        "Modeste",
        "Bienvenu",
    ],
    &[
        "Jean-Pierre",
        "Jean-Baptiste",
        "Emmanuel",
        "Paul",
        "Olivier",
        "Hilaire",
        "Faustin",
        "Gervais",
        "Évariste",
        "Léopold",
        "Théophile",
        "Anicet",
        "Prosper",
        "Clément",
        "Honoré",
        "Justin",
        "Augustin",
        "Marcel",
        "Roger",
        "Norbert",
        "Mathurin",
        "Ghislain",
        "Wilfried",
        "Brice",
        "Juvénal",
        "Cyprien",
        "Innocent",
        "Zéphirin",
        "Crépin",
        "Firmin",
        "Séraphin",
        "Arsène",
        "Barthélemy",
        "Dieudonné",
        "Fidèle",
        "Narcisse",
        "Rigobert",
        "Martial",
        "Casimir",
        "Aimé",
    ],
    &[
        "Andry",
        "Hery",
        "Rivo",
        "Tahina",
        "Mamy",
        "Haja",
        "Rado",
        "Lanto",
        "Fidy",
        "Njaka",
        "Éric",
        "Jean-Claude",
        "Pacifique",
        "Aimable",
        "Célestin",
        "Évode",
        "Gaspard",
        "Aloys",
        "Déo",
        "Révérien",
        "Anastase",
        "Daher",
        "Abdallah",
        "Saïd",
        "Houmed",
        "Ahmed",
        "Ali",
        "Fahmi",
        "Mbaraka",
        "Tolotra",
    ],
    &[
        "Khalid",
        "Karim",
        "Rachid",
        "Nabil",
        "Mehdi",
        "Omar",
        "Tahar",
        "Abdelkader",
        "Samir",
        "Hichem",
        "Anis",
        "Youssef",
        "Hamza",
        "Mourad",
        "Nordine",
        "Fouad",
        "Abdelaziz",
        "Driss",
        "Larbi",
        "Mustapha",
        "Lotfi",
        "Walid",
        "Sofiane",
        "Amine",
        "Bilal",
        "Jamal",
        "Noureddine",
        "Abdelhamid",
        "Slimane",
        "Zakaria",
    ],
    &[
        "Pierre",
        "François",
        "Guillaume",
        "Laurent",
        "Nicolas",
        "Philippe",
        "Rémi",
        "Sylvain",
        "Vincent",
        "Arnaud",
        "Jérôme",
        "Hugues",
        "Christophe",
        "Denis",
        "Bertrand",
        "Julien",
        "Mathieu",
        "Antoine",
        "Étienne",
        "Luc",
        "Marc",
        "Xavier",
        "Yves",
        "Thomas",
        "Frédéric",
    ],
];

const GIVEN_F: [&[&str]; 6] = [
    &[
        "Aminata",
        "Fatoumata",
        "Aïssata",
        "Kadiatou",
        "Awa",
        "Rokia",
        "Salimata",
        "Bintou",
        "Djénéba",
        "Oumou",
        "Hawa",
        "Assitan",
        "Nafissatou",
        "Ndèye",
        "Khady",
        "Coumba",
        "Adja",
        "Aïcha",
        "Zeinab",
        "Halima",
        "Hadiza",
        "Rahmatou",
        "Safiatou",
        "Mariama",
        "Ramatoulaye",
        "Maïmouna",
        "Kadidia",
        "Hindou",
        "Fanta",
        "Sira",
    ],
    &[
        "Adjoua",
        "Akissi",
        "Affoué",
        "Amenan",
        "Ahou",
        "Clarisse",
        "Odile",
        "Henriette",
        "Pélagie",
        "Eugénie",
        "Chantal",
        "Sylvie",
        "Solange",
        "Blandine",
        "Félicité",
        "Edwige",
        "Prisca",
        "Raïssa",
        "Gisèle",
        "Ablavi",
        "Akouvi",
        "Kafui",
        "Yawa",
        "Mawuena",
        "Olabisi",
        "Ngozi",
        "Abena",
        "Estelle",
    ],
    &[
        "Rosine",
        "Georgette",
        "Antoinette",
        "Pauline",
        "Albertine",
        "Viviane",
        "Carine",
        "Sandrine",
        "Laetitia",
        "Brigitte",
        "Jeanne",
        "Élise",
        "Agathe",
        "Marie-Claire",
        "Joséphine",
        "Hortense",
        "Léontine",
        "Philomène",
        "Bernadette",
        "Scholastique",
        "Armelle",
        "Nadège",
        "Yolande",
        "Clémentine",
        "Perpétue",
    ],
    &[
        "Fanja",
        "Lova",
        "Voahangy",
        "Hanitra",
        "Miora",
        "Tiana",
        "Noro",
        "Haingo",
        "Aline",
        "Consolata",
        "Immaculée",
        "Espérance",
        "Goretti",
        "Claudine",
        "Annonciata",
        "Zahra",
        "Fatouma",
        "Hasna",
        "Moina",
        "Roukia",
        "Echata",
        "Solange",
    ],
    &[
        "Nadia", "Leïla", "Samia", "Yasmina", "Salma", "Imane", "Khadija", "Meriem", "Souad",
        "Rim", "Hajar", "Nour", "Inès", "Zineb", "Houda", "Asma", "Karima", "Latifa", "Naïma",
        "Amel", "Wafa", "Sonia", "Dalila", "Faïza",
    ],
    &[
        "Claire",
        "Christine",
        "Nathalie",
        "Sophie",
        "Isabelle",
        "Véronique",
        "Béatrice",
        "Hélène",
        "Catherine",
        "Anne",
        "Camille",
        "Julie",
        "Valérie",
        "Céline",
        "Élodie",
        "Marion",
        "Charlotte",
        "Agnès",
        "Mathilde",
        "Geneviève",
        "Martine",
        "Sabine",
        "Laure",
        "Florence",
        "Cécile",
    ],
];

const SURNAMES: [&[&str]; 6] = [
    &[
        "Diallo",
        "Traoré",
        "Keïta",
        "Coulibaly",
        "Konaté",
        "Camara",
        "Sangaré",
        "Sissoko",
        "Diarra",
        "Touré",
        "Cissé",
        "Barry",
        "Sow",
        "Ndiaye",
        "Diop",
        "Fall",
        "Sarr",
        "Gueye",
        "Faye",
        "Mbaye",
        "Seck",
        "Kane",
        "Diouf",
        "Thiam",
        "Ndour",
        "Niang",
        "Ouédraogo",
        "Sawadogo",
        "Kaboré",
        "Zoungrana",
        "Tapsoba",
        "Nikiéma",
        "Ilboudo",
        "Sanou",
        "Somé",
        "Dabiré",
        "Issoufou",
        "Mahamadou",
        "Seyni",
        "Gado",
        "Maïga",
        "Dembélé",
        "Doumbia",
        "Fofana",
        "Sidibé",
        "Tounkara",
        "Dicko",
        "Bocoum",
        "Kanté",
        "Sacko",
        "Soumaré",
        "Sylla",
        "Condé",
        "Kourouma",
        "Haïdara",
        "Baldé",
        "Abakar",
        "Haroun",
        "Djibrine",
        "Allamine",
        "Hissein",
        "Adoum",
        "Ould Ahmed",
        "Ould Cheikh",
        "Zongo",
        "Kinda",
        "Tamboura",
        "Guindo",
        "Dolo",
        "Diakité",
        "Samaké",
        "Bagayoko",
        "Ballo",
        "Berthé",
        "Bouaré",
        "Fané",
        "Kamissoko",
        "Tangara",
        "Yattara",
        "Ouattara",
    ],
    &[
        "Kouamé",
        "N'Guessan",
        "Aka",
        "Bamba",
        "Soro",
        "Tanoh",
        "Yapi",
        "Ahoua",
        "Brou",
        "Gnagne",
        "Kacou",
        "Assi",
        "Loukou",
        "Mensah",
        "Agbodjan",
        "Adjovi",
        "Houngbédji",
        "Akakpo",
        "Gbénou",
        "Hounkpatin",
        "Agossou",
        "Ahouansou",
        "Dansou",
        "Kpadonou",
        "Lawson",
        "Amégah",
        "Adjaho",
        "Tchalla",
        "Kpodar",
        "Atayi",
        "Agbéko",
        "Abalo",
        "Amouzou",
        "Ekué",
        "Folly",
        "Klutse",
        "Sossou",
        "Zinsou",
        "Glèlè",
        "Hounsou",
        "Quenum",
        "Boco",
        "Okonkwo",
        "Adeyemi",
        "Owusu",
        "Asante",
        "Boateng",
        "Tetteh",
        "Djédjé",
        "Gnahoré",
        "Zadi",
        "Séka",
        "Anoh",
        "Kakou",
        "Guéi",
        "Beugré",
        "Dégbé",
        "Yéo",
        "Tuo",
        "Silué",
    ],
    &[
        "Mbarga",
        "Ngono",
        "Essomba",
        "Atangana",
        "Fouda",
        "Owona",
        "Mvondo",
        "Nkodo",
        "Ebogo",
        "Kamga",
        "Fotso",
        "Nana",
        "Kenmogne",
        "Nguema",
        "Ondo",
        "Obame",
        "Ella",
        "Nze",
        "Mouity",
        "Makaya",
        "Moukala",
        "Mabiala",
        "Nkounkou",
        "Malonga",
        "Bouanga",
        "Mukendi",
        "Kalala",
        "Ilunga",
        "Kasongo",
        "Mbuyi",
        "Mwamba",
        "Kabeya",
        "Nzuzi",
        "Ngoupandé",
        "Yakité",
        "Zokoué",
        "Gbazi",
        "Doko",
        "Feïkéram",
        "Ngakola",
        "Ndjoli",
        "Mabika",
        "Boussougou",
        "Moussavou",
        "Mouélé",
        "Nzamba",
        "Engonga",
        "Ntoutoume",
        "Ekomo",
        "Okili",
        "Itoua",
        "Okemba",
        "Ibovi",
        "Mampouya",
        "Tsiba",
        "Loemba",
        "Bakala",
        "Ebang",
        "Abessolo",
        "Biyong",
        "Ekwalla",
        "Ndongo",
        "Onana",
        "Tsala",
        "Zambo",
        "Mballa",
        "Ondoua",
        "Eyenga",
        "Tchoua",
        "Wandji",
    ],
    &[
        "Rakotomalala",
        "Rakotondrabe",
        "Randriamampionona",
        "Andrianarivo",
        "Razafindrakoto",
        "Rasoanaivo",
        "Rakotoarisoa",
        "Randrianasolo",
        "Rabemananjara",
        "Ratsimbazafy",
        "Andriamasinoro",
        "Razafimahatratra",
        "Habimana",
        "Niyonzima",
        "Uwimana",
        "Mugisha",
        "Hakizimana",
        "Bizimana",
        "Nsengiyumva",
        "Mahoro",
        "Irakoze",
        "Ndikumana",
        "Nshimirimana",
        "Ntakirutimana",
        "Gasana",
        "Rwigema",
        "Mutesi",
        "Ingabire",
        "Houmadi",
        "Soilihi",
        "Mmadi",
        "Djaffar",
        "Doualeh",
        "Farah",
        "Dirieh",
        "Bourhan",
        "Waberi",
        "Robleh",
        "Ratsiraka",
        "Andriantsoa",
        "Rajaonarison",
        "Munyaneza",
        "Nzeyimana",
        "Kwizera",
    ],
    &[
        "Benali",
        "Belkacem",
        "Bensaïd",
        "Haddad",
        "Mansouri",
        "Cherif",
        "Tazi",
        "El Amrani",
        "Bennani",
        "Alaoui",
        "Chraïbi",
        "Benjelloun",
        "Trabelsi",
        "Gharbi",
        "Jebali",
        "Ben Salah",
        "Hamdi",
        "Zouari",
        "Mejri",
        "Bouzid",
        "Saïdi",
        "Ouali",
        "Benmoussa",
        "Lahlou",
        "Berrada",
        "Fassi",
        "Kettani",
        "Sqalli",
        "Boukhari",
        "Belhadj",
        "Medjdoub",
        "Zerrouki",
        "Hamrouni",
        "Jaziri",
        "Ayari",
        "Chebbi",
        "Dridi",
        "Mahjoub",
        "Ferchichi",
        "Laabidi",
        "Khelifi",
        "Benslimane",
        "Ziani",
        "Rahmani",
        "Belaïd",
        "Messaoudi",
        "Tlemçani",
        "Bouchareb",
    ],
    &[
        "Dupont",
        "Lefèvre",
        "Moreau",
        "Garnier",
        "Fournier",
        "Girard",
        "Rousseau",
        "Lambert",
        "Mercier",
        "Bonnet",
        "Faure",
        "Perrin",
        "Chevalier",
        "Gauthier",
        "Marchand",
        "Lemoine",
        "Dufour",
        "Renaud",
        "Vidal",
        "Leroy",
        "Caron",
        "Muller",
        "Tremblay",
        "Gagnon",
        "Bouchard",
        "Pelletier",
        "Lavoie",
        "Peeters",
        "Janssens",
        "Maes",
        "Dubois",
        "Lecomte",
        "Masson",
        "Barbier",
        "Brunet",
        "Roche",
        "Picard",
        "Guérin",
        "Boyer",
        "Blanchard",
        "Collet",
        "Hubert",
        "Aubert",
        "Morel",
        "Fontaine",
        "Rivière",
    ],
];

/// Ministerial portfolios as news prose writes them after "ministre". The first six are in every
/// government; stories need them.
const PORTFOLIOS: &[&str] = &[
    "de la Défense",
    "des Affaires étrangères",
    "de l'Intérieur",
    "de la Santé",
    "de l'Économie et des Finances",
    "de l'Action humanitaire",
    "de la Justice",
    "de l'Éducation nationale",
    "de l'Agriculture",
    "des Mines",
    "de l'Énergie",
    "des Transports",
    "de la Communication",
    "de l'Environnement",
    "du Commerce",
    "de l'Enseignement supérieur",
    "des Sports",
    "de la Culture",
    "du Travail",
    "de la Fonction publique",
    "de l'Eau et de l'Assainissement",
    "du Tourisme",
    "de l'Administration territoriale",
    "des Infrastructures",
    "de la Femme et de la Famille",
    "de l'Élevage",
    "de la Pêche",
    "du Numérique",
];
const DEF: usize = 0;
const AE: usize = 1;
const INT: usize = 2;
const SANTE: usize = 3;
const ECO: usize = 4;
const HUM: usize = 5;

const SYL_A: &[&str] = &[
    "Ka", "Kou", "Ba", "Bou", "Dia", "Dio", "Sa", "So", "Ta", "Tou", "Ma", "Mou", "Na", "Ni", "Fa",
    "Ga", "Gué", "Ko", "Kan", "Tin", "Mé", "Dou", "Sé", "Lé", "Zo", "Ndi", "Ngo", "Bé", "Ti", "Lo",
    "Kar", "Mam", "Sin", "Tam", "Bon", "Dan", "Gon", "Kol", "Nia", "Ou",
];
const SYL_B: &[&str] = &[
    "ra", "ré", "na", "né", "ba", "bé", "ga", "go", "la", "lé", "ma", "mé", "ni", "ta", "to", "ri",
    "si", "ko", "kou", "da", "di", "fa", "ya", "wa", "sa", "ndo", "nga", "mbo", "té", "lo",
];
const SYL_C: &[&str] = &[
    "", "", "", "dougou", "bougou", "kro", "ne", "ré", "ka", "ga", "ni", "ma", "ry", "lé", "gou",
    "ro", "fé", "kan", "sso", "mpa",
];

const TREATY_HEADS: &[(&str, bool, &str)] = &[
    // (head, feminine, head misspelt by a letter)
    ("Charte", true, "Carte"),
    ("Traité", false, "Traîté"),
    ("Pacte", false, "Pacta"),
    ("Accord", false, "Acord"),
    ("Protocole", false, "Protocol"),
    ("Convention", true, "Convension"),
    ("Déclaration", true, "Déclarration"),
];

const TREATY_TOPICS: &[&str] = &[
    "sur la sécurité collective",
    "sur la libre circulation des personnes et des biens",
    "sur la gestion partagée des eaux",
    "relatif à la défense mutuelle",
    "sur la lutte contre le terrorisme",
    "sur l'intégration économique",
    "sur la transhumance transfrontalière",
    "relatif à la coopération énergétique",
    "sur la protection des civils",
    "sur la paix et la réconciliation",
    "sur la sécurité maritime",
    "sur la sécurité alimentaire",
    "relatif aux corridors de transport",
    "sur la lutte contre la criminalité transfrontalière",
    "sur le développement des zones frontalières",
];

const ORG_HEADS: &[(&str, bool)] = &[
    ("Autorité", true),
    ("Agence", true),
    ("Commission", true),
    ("Conseil", false),
    ("Fonds", false),
    ("Observatoire", false),
    ("Office", false),
    ("Centre", false),
    ("Comité", false),
    ("Organisation", true),
    ("Communauté", true),
    ("Union", true),
    ("Initiative", true),
    ("Mécanisme", false),
    ("Institut", false),
];
const ORG_QUALS: &[(&str, &str)] = &[
    ("régional", "régionale"),
    ("intergouvernemental", "intergouvernementale"),
    ("permanent", "permanente"),
    ("conjoint", "conjointe"),
    ("africain", "africaine"),
    ("interafricain", "interafricaine"),
    ("sous-régional", "sous-régionale"),
    ("international", "internationale"),
    ("panafricain", "panafricaine"),
    ("commun", "commune"),
];
const ORG_PURPOSES: &[&str] = &[
    "de développement intégré",
    "de sécurité collective",
    "de lutte contre la désertification",
    "pour la mise en valeur",
    "de gestion des ressources en eau",
    "de veille sanitaire",
    "de coordination humanitaire",
    "pour la sécurité alimentaire",
    "de lutte contre le terrorisme",
    "pour l'intégration économique",
    "de prévention des catastrophes",
    "pour les énergies renouvelables",
    "de surveillance des frontières",
    "pour la protection de l'environnement",
    "de développement des infrastructures",
    "pour la paix et la sécurité",
    "de gestion des crises",
    "pour le développement rural",
    "de recherche agronomique",
    "de promotion des investissements",
    "de lutte contre les grandes endémies",
    "des transports et du transit",
];
const REGION_SCOPES: [&[&str]; 6] = [
    &[
        "du Sahel",
        "du bassin du lac Tchad",
        "du fleuve Niger",
        "du fleuve Sénégal",
        "de l'Afrique de l'Ouest",
        "du Sahara",
    ],
    &[
        "du golfe de Guinée",
        "de l'Afrique de l'Ouest",
        "du bassin de la Volta",
        "de la côte ouest-africaine",
        "du fleuve Mono",
    ],
    &[
        "de l'Afrique centrale",
        "du bassin du Congo",
        "du golfe de Guinée",
        "du bassin du lac Tchad",
        "de la Sangha",
    ],
    &[
        "de l'océan Indien",
        "des Grands Lacs",
        "de la Corne de l'Afrique",
        "de l'Afrique de l'Est",
        "du canal du Mozambique",
    ],
    &[
        "du Maghreb",
        "de la Méditerranée occidentale",
        "du Sahara",
        "de l'Afrique du Nord",
    ],
    &["de la Francophonie", "de l'espace euro-africain"],
];
const NGO_HEADS: &[(&str, bool)] = &[
    ("Association", true),
    ("Ligue", true),
    ("Collectif", false),
    ("Coalition", true),
    ("Réseau", false),
    ("Observatoire", false),
    ("Mouvement", false),
    ("Plateforme", true),
];
const NGO_PURPOSES: &[&str] = &[
    "pour la défense des droits humains",
    "des femmes rurales",
    "des jeunes pour la paix",
    "pour la promotion de la santé communautaire",
    "des victimes de violences",
    "pour le développement local",
    "des éleveurs et agropasteurs",
    "des parents d'élèves",
    "pour la protection de l'enfance",
    "des commerçants détaillants",
    "des orpailleurs artisanaux",
    "pour la transparence budgétaire",
    "des déplacés internes",
    "pour l'accès à l'eau potable",
];

const OUTLETS: &[(&str, bool)] = &[
    // (name, wire style with a dateline)
    ("Agence africaine d'information", true),
    ("Le Quotidien du Sahel", false),
    ("L'Écho du continent", false),
    ("Afrique Matin", false),
    ("Le Continental", false),
    ("La Voix de l'Ouest", false),
    ("Dépêche panafricaine", true),
    ("Radio Espoir FM", false),
    ("Le Républicain", false),
    ("Horizon Hebdo", false),
    ("L'Observateur africain", false),
    ("Sahel Info", false),
    ("Le Messager du Golfe", false),
    ("Nouvelles d'Afrique centrale", true),
    ("L'Indépendant", false),
    ("La Tribune des Grands Lacs", false),
];

const SUBHEADS: &[&str] = &[
    "Une situation préoccupante",
    "Des réactions en cascade",
    "Un contexte tendu",
    "Des attentes fortes",
    "Les autorités sous pression",
    "Un défi de taille",
    "Vers une réponse régionale",
    "Inquiétude sur le terrain",
];

// ------------------------------------------------------------------------ quotations (grammar)

/// Nouns: (word, feminine, plural, synonym of the same gender and number).
const NOUNS: &[(&str, bool, bool, &str)] = &[
    ("dispositif", false, false, "mécanisme"),
    ("mécanisme", false, false, "dispositif"),
    ("plan", false, false, "programme"),
    ("programme", false, false, "plan"),
    ("effort", false, false, "engagement"),
    ("engagement", false, false, "effort"),
    ("investissement", false, false, "financement"),
    ("dialogue", false, false, "échange"),
    ("réseau", false, false, "maillage"),
    ("contrôle", false, false, "suivi"),
    ("soutien", false, false, "appui"),
    ("appui", false, false, "soutien"),
    ("accompagnement", false, false, "encadrement"),
    ("combat", false, false, "affrontement"),
    ("projet", false, false, "chantier"),
    ("système", false, false, "dispositif"),
    ("cadre", false, false, "environnement"),
    ("approvisionnement", false, false, "ravitaillement"),
    ("développement", false, false, "essor"),
    ("relèvement", false, false, "redressement"),
    ("avenir", false, false, "futur"),
    ("territoire", false, false, "pays"),
    ("secteur", false, false, "domaine"),
    ("marché", false, false, "commerce"),
    ("calme", false, false, "apaisement"),
    ("objectif", false, false, "but"),
    ("défi", false, false, "enjeu"),
    ("processus", false, false, "chemin"),
    ("budget", false, false, "financement"),
    ("patrimoine", false, false, "héritage"),
    ("sécurité", true, false, "sûreté"),
    ("coopération", true, false, "collaboration"),
    ("présence", true, false, "implantation"),
    ("protection", true, false, "sécurité"),
    ("stabilité", true, false, "tranquillité"),
    ("paix", true, false, "concorde"),
    ("résilience", true, false, "résistance"),
    ("capacité", true, false, "aptitude"),
    ("relance", true, false, "reprise"),
    ("production", true, false, "récolte"),
    ("filière", true, false, "chaîne"),
    ("confiance", true, false, "foi"),
    ("solidarité", true, false, "fraternité"),
    ("unité", true, false, "cohésion"),
    ("souveraineté", true, false, "indépendance"),
    ("intégrité", true, false, "unité"),
    ("réponse", true, false, "riposte"),
    ("stratégie", true, false, "politique"),
    ("mobilisation", true, false, "détermination"),
    ("reconstruction", true, false, "réhabilitation"),
    ("lutte", true, false, "bataille"),
    ("vigilance", true, false, "attention"),
    ("dignité", true, false, "fierté"),
    ("justice", true, false, "équité"),
    ("transparence", true, false, "clarté"),
    ("gouvernance", true, false, "gestion"),
    ("économie", true, false, "activité"),
    ("jeunesse", true, false, "génération"),
    ("éducation", true, false, "formation"),
    ("cohésion", true, false, "unité"),
    ("réconciliation", true, false, "entente"),
    ("coordination", true, false, "concertation"),
    ("croissance", true, false, "expansion"),
    ("souffrance", true, false, "détresse"),
    ("détermination", true, false, "volonté"),
    ("responsabilité", true, false, "mission"),
    ("priorité", true, false, "urgence"),
    ("situation", true, false, "conjoncture"),
    ("région", true, false, "zone"),
    ("nation", true, false, "patrie"),
    ("administration", true, false, "autorité"),
    ("moyens", false, true, "outils"),
    ("efforts", false, true, "engagements"),
    ("investissements", false, true, "financements"),
    ("partenaires", false, true, "alliés"),
    ("agriculteurs", false, true, "paysans"),
    ("éleveurs", false, true, "pasteurs"),
    ("commerçants", false, true, "marchands"),
    ("déplacés", false, true, "réfugiés"),
    ("enfants", false, true, "jeunes"),
    ("soldats", false, true, "militaires"),
    ("hôpitaux", false, true, "dispensaires"),
    ("villages", false, true, "hameaux"),
    ("quartiers", false, true, "secteurs"),
    ("services", false, true, "dispositifs"),
    ("acteurs", false, true, "intervenants"),
    ("citoyens", false, true, "compatriotes"),
    ("habitants", false, true, "riverains"),
    ("travaux", false, true, "chantiers"),
    ("résultats", false, true, "progrès"),
    ("droits", false, true, "acquis"),
    ("intérêts", false, true, "besoins"),
    ("populations", true, true, "communautés"),
    ("familles", true, true, "populations"),
    ("victimes", true, true, "familles"),
    ("communautés", true, true, "populations"),
    ("forces", true, true, "troupes"),
    ("autorités", true, true, "instances"),
    ("frontières", true, true, "limites"),
    ("routes", true, true, "pistes"),
    ("écoles", true, true, "classes"),
    ("récoltes", true, true, "cultures"),
    ("ressources", true, true, "richesses"),
    ("infrastructures", true, true, "installations"),
    ("institutions", true, true, "instances"),
    ("femmes", true, true, "mères"),
    ("mesures", true, true, "décisions"),
    ("réformes", true, true, "transformations"),
    ("attentes", true, true, "aspirations"),
    ("capacités", true, true, "compétences"),
    ("valeurs", true, true, "convictions"),
];

/// Adjectives: masculine, feminine, masculine plural, feminine plural.
const ADJS: &[(&str, &str, &str, &str)] = &[
    ("régional", "régionale", "régionaux", "régionales"),
    ("national", "nationale", "nationaux", "nationales"),
    ("commun", "commune", "communs", "communes"),
    ("durable", "durable", "durables", "durables"),
    ("collectif", "collective", "collectifs", "collectives"),
    ("local", "locale", "locaux", "locales"),
    ("sanitaire", "sanitaire", "sanitaires", "sanitaires"),
    ("sécuritaire", "sécuritaire", "sécuritaires", "sécuritaires"),
    ("humanitaire", "humanitaire", "humanitaires", "humanitaires"),
    ("économique", "économique", "économiques", "économiques"),
    ("rural", "rurale", "ruraux", "rurales"),
    ("frontalier", "frontalière", "frontaliers", "frontalières"),
    ("public", "publique", "publics", "publiques"),
    ("solidaire", "solidaire", "solidaires", "solidaires"),
    ("efficace", "efficace", "efficaces", "efficaces"),
    ("coordonné", "coordonnée", "coordonnés", "coordonnées"),
    ("essentiel", "essentielle", "essentiels", "essentielles"),
    ("prioritaire", "prioritaire", "prioritaires", "prioritaires"),
    ("vulnérable", "vulnérable", "vulnérables", "vulnérables"),
    ("concret", "concrète", "concrets", "concrètes"),
    (
        "indispensable",
        "indispensable",
        "indispensables",
        "indispensables",
    ),
    ("civil", "civile", "civils", "civiles"),
    ("social", "sociale", "sociaux", "sociales"),
    ("financier", "financière", "financiers", "financières"),
    (
        "international",
        "internationale",
        "internationaux",
        "internationales",
    ),
    ("décisif", "décisive", "décisifs", "décisives"),
    ("permanent", "permanente", "permanents", "permanentes"),
    ("inclusif", "inclusive", "inclusifs", "inclusives"),
    ("pacifique", "pacifique", "pacifiques", "pacifiques"),
    ("massif", "massive", "massifs", "massives"),
    ("immédiat", "immédiate", "immédiats", "immédiates"),
    ("quotidien", "quotidienne", "quotidiens", "quotidiennes"),
    ("légitime", "légitime", "légitimes", "légitimes"),
    ("structurel", "structurelle", "structurels", "structurelles"),
];

/// Verbs in the infinitive with a synonym.
const VERBS: &[(&str, &str)] = &[
    ("renforcer", "consolider"),
    ("protéger", "préserver"),
    ("garantir", "assurer"),
    ("accompagner", "soutenir"),
    ("soutenir", "appuyer"),
    ("sécuriser", "protéger"),
    ("reconstruire", "rebâtir"),
    ("mobiliser", "rassembler"),
    ("défendre", "protéger"),
    ("restaurer", "rétablir"),
    ("préserver", "sauvegarder"),
    ("financer", "soutenir"),
    ("déployer", "renforcer"),
    ("moderniser", "améliorer"),
    ("coordonner", "harmoniser"),
    ("rétablir", "restaurer"),
    ("évaluer", "mesurer"),
    ("relancer", "redynamiser"),
    ("développer", "promouvoir"),
    ("améliorer", "renforcer"),
    ("étendre", "élargir"),
    ("intensifier", "accélérer"),
    ("mutualiser", "partager"),
    ("encourager", "favoriser"),
    ("faciliter", "simplifier"),
    ("accélérer", "intensifier"),
    ("équiper", "doter"),
    ("former", "préparer"),
    ("recenser", "identifier"),
    ("indemniser", "dédommager"),
    ("reloger", "héberger"),
    ("traquer", "poursuivre"),
    ("sanctionner", "punir"),
    ("rassurer", "apaiser"),
    ("associer", "impliquer"),
    ("réhabiliter", "rénover"),
    ("construire", "bâtir"),
    ("surveiller", "contrôler"),
    ("approvisionner", "ravitailler"),
    ("désenclaver", "ouvrir"),
    ("encadrer", "accompagner"),
    ("honorer", "respecter"),
    ("structurer", "organiser"),
    ("maintenir", "conserver"),
    ("prévenir", "anticiper"),
    ("combattre", "affronter"),
    ("écouter", "entendre"),
    ("valoriser", "promouvoir"),
    ("transformer", "changer"),
    ("consolider", "renforcer"),
];

const ADVS: &[(&str, &str)] = &[
    ("dans les meilleurs délais", "le plus rapidement possible"),
    ("sans délai", "immédiatement"),
    ("avec détermination", "avec fermeté"),
    ("au plus vite", "rapidement"),
    ("dès les prochains jours", "dès cette semaine"),
    ("dans la durée", "durablement"),
    ("sur l'ensemble du territoire", "partout dans le pays"),
    ("aux côtés des populations", "avec les populations"),
    ("de manière durable", "de façon pérenne"),
    ("sans exception", "sans distinction"),
    ("en toute transparence", "de manière transparente"),
    ("avec nos voisins", "avec les pays voisins"),
];

fn is_vowel_start(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        matches!(
            c.to_lowercase().next().unwrap_or(c),
            'a' | 'e' | 'é' | 'è' | 'ê' | 'i' | 'î' | 'o' | 'ô' | 'u' | 'h' | 'œ'
        )
    })
}

/// "de" before a phrase, with contractions and elision.
fn de(np: &str) -> String {
    if let Some(rest) = np.strip_prefix("le ") {
        format!("du {rest}")
    } else if let Some(rest) = np.strip_prefix("les ") {
        format!("des {rest}")
    } else if np.starts_with("la ") || np.starts_with("l'") {
        format!("de {np}")
    } else if is_vowel_start(np) {
        format!("d'{np}")
    } else {
        format!("de {np}")
    }
}

/// "à" before a phrase, with contractions.
fn a_(np: &str) -> String {
    if let Some(rest) = np.strip_prefix("le ") {
        format!("au {rest}")
    } else if let Some(rest) = np.strip_prefix("les ") {
        format!("aux {rest}")
    } else {
        format!("à {np}")
    }
}

fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

fn plural_adj(a: &str) -> String {
    if a.ends_with('s') || a.ends_with('x') || a.ends_with('è') {
        a.to_string()
    } else {
        format!("{a}s")
    }
}

/// One word or phrase of a quotation, with what a paraphrase could put in its place.
#[derive(Clone)]
struct Piece {
    text: String,
    alt: Option<String>,
}

fn piece(text: impl Into<String>) -> Piece {
    Piece {
        text: text.into(),
        alt: None,
    }
}

fn piece_alt(text: impl Into<String>, alt: impl Into<String>) -> Piece {
    Piece {
        text: text.into(),
        alt: Some(alt.into()),
    }
}

/// A quotation: two clauses of pieces. A partial quotation is the first clause.
#[derive(Clone)]
struct Quote {
    pieces: Vec<Piece>,
    first_clause: usize,
}

fn join_pieces(pieces: &[&str]) -> String {
    let mut out = String::new();
    for p in pieces {
        if p.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(p);
            continue;
        }
        if p.starts_with(',') || p.starts_with('.') {
            out.push_str(p);
            continue;
        }
        // Contractions: "de le" → "du", "de les" → "des", "à le" → "au", "à les" → "aux".
        let contracted = [
            ("de", "le ", "du"),
            ("de", "les ", "des"),
            ("à", "le ", "au"),
            ("à", "les ", "aux"),
        ]
        .iter()
        .find(|(w, art, _)| (out.ends_with(&format!(" {w}")) || out == *w) && p.starts_with(art));
        if let Some((w, art, c)) = contracted {
            out.truncate(out.len() - w.len());
            out.push_str(c);
            out.push(' ');
            out.push_str(&p[art.len()..]);
            continue;
        }
        // Elision: "de" and "que" before a vowel.
        let elide = ["de", "que", "ne"]
            .iter()
            .find(|w| out.ends_with(&format!(" {w}")) || out == **w);
        if let Some(w) = elide
            && is_vowel_start(p)
        {
            out.truncate(out.len() - w.len());
            out.push_str(&w[..w.len() - 1]);
            out.push('\'');
            out.push_str(p);
            continue;
        }
        out.push(' ');
        out.push_str(p);
    }
    // Sentence starts after ". " are capitalised.
    let mut fixed = String::with_capacity(out.len());
    let mut cap = true;
    for ch in out.chars() {
        if cap && ch.is_alphabetic() {
            fixed.extend(ch.to_uppercase());
            cap = false;
        } else {
            fixed.push(ch);
        }
        if ch == '.' {
            cap = true;
        }
    }
    fixed
}

impl Quote {
    fn text(&self) -> String {
        join_pieces(
            &self
                .pieces
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>(),
        )
    }
    fn partial(&self) -> String {
        join_pieces(
            &self.pieces[..self.first_clause.min(self.pieces.len())]
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>(),
        )
    }
    /// The same quotation with one or two words paraphrased.
    fn drifted(&self, rng: &mut Rng) -> String {
        let alts: Vec<usize> = (0..self.pieces.len())
            .filter(|&i| self.pieces[i].alt.is_some())
            .collect();
        let mut words: Vec<&str> = self.pieces.iter().map(|p| p.text.as_str()).collect();
        if alts.is_empty() {
            words.insert(words.len() / 2, "vraiment");
            return join_pieces(&words);
        }
        let n = if alts.len() > 2 && rng.chance(0.5) {
            2
        } else {
            1
        };
        let mut chosen = alts.clone();
        rng.shuffle(&mut chosen);
        for &i in chosen.iter().take(n) {
            words[i] = self.pieces[i].alt.as_deref().unwrap_or(words[i]);
        }
        join_pieces(&words)
    }
}

/// Story-specific words that quotations may name.
struct QuoteSlots {
    places: Vec<String>,
}

/// Openers that take an infinitive: (opener, paraphrase).
const OPENERS: &[(&str, &str)] = &[
    ("nous allons", "nous devons"),
    ("nous voulons", "nous souhaitons"),
    ("nous continuerons à", "nous poursuivrons nos efforts pour"),
    ("nous sommes déterminés à", "nous sommes résolus à"),
    ("nous avons décidé de", "nous avons choisi de"),
    ("nous nous engageons à", "nous promettons de"),
    ("il est urgent de", "il est impératif de"),
    ("il est temps de", "l'heure est venue de"),
    ("il nous appartient de", "c'est à nous de"),
    ("le gouvernement entend", "le gouvernement compte"),
    ("le gouvernement va", "le gouvernement doit"),
    ("l'État s'engage à", "l'État promet de"),
    ("notre priorité est de", "notre urgence est de"),
    ("notre objectif reste de", "notre but reste de"),
    (
        "j'ai demandé aux services compétents de",
        "j'ai instruit les services compétents de",
    ),
    ("nous avons le devoir de", "nous avons l'obligation de"),
    ("nous n'hésiterons pas à", "nous ne renoncerons pas à"),
    ("personne ne nous empêchera de", "rien ne nous empêchera de"),
    ("nous ferons tout pour", "nous mettrons tout en œuvre pour"),
    ("nous avons pris l'engagement de", "nous avons promis de"),
    (
        "nous demandons à nos partenaires de",
        "nous invitons nos partenaires à",
    ),
    (
        "j'appelle la communauté internationale à",
        "j'exhorte la communauté internationale à",
    ),
    (
        "nous invitons les autorités locales à",
        "nous demandons aux autorités locales de",
    ),
    ("chacun doit pouvoir", "chaque citoyen doit pouvoir"),
    ("il faudra du temps pour", "il faudra des années pour"),
    (
        "nous n'avons pas d'autre choix que de",
        "nous n'avons d'autre option que de",
    ),
    (
        "mon gouvernement s'attachera à",
        "mon gouvernement veillera à",
    ),
    (
        "les populations attendent que nous sachions",
        "nos compatriotes attendent que nous sachions",
    ),
    ("nous avons les moyens de", "nous disposons des moyens de"),
    (
        "nous travaillons jour et nuit pour",
        "nous travaillons sans relâche pour",
    ),
    (
        "j'ai bon espoir de pouvoir",
        "je suis confiant dans notre capacité à",
    ),
    ("ma mission est de", "mon rôle est de"),
];

/// Subjects of a clause with a conjugated verb (third person singular).
const SUBJECTS: &[&str] = &[
    "cette tragédie",
    "ce texte",
    "cette décision",
    "ce financement",
    "cette crise",
    "ce drame",
    "cet accord",
    "cette épreuve",
    "notre présence",
    "cette mobilisation",
    "ce partenariat",
    "la situation actuelle",
    "cette étape",
    "ce projet",
    "cette réforme",
    "ce combat",
    "la colère des familles",
    "l'attente des populations",
    "ce rendez-vous",
    "cette avancée",
    "notre histoire commune",
    "la menace actuelle",
    "chaque jour perdu",
    "cette solidarité",
];
const VERBS_3S: &[(&str, &str)] = &[
    ("impose", "exige"),
    ("appelle", "réclame"),
    ("renforce", "consolide"),
    ("illustre", "montre"),
    ("rappelle", "souligne"),
    ("confirme", "prouve"),
    ("engage", "oblige"),
    ("mérite", "justifie"),
    ("ouvre", "permet"),
    ("menace", "fragilise"),
    ("protège", "préserve"),
    ("accélère", "facilite"),
];
const LINKERS: &[(&str, &str)] = &[
    ("pour", "afin de servir"),
    ("au profit de", "en faveur de"),
    ("dans l'intérêt de", "au bénéfice de"),
    ("aux côtés de", "avec"),
    ("à travers", "grâce à"),
    ("au service de", "au bénéfice de"),
    ("face à", "devant"),
];

fn noun_phrase(rng: &mut Rng, slots: &QuoteSlots, out: &mut Vec<Piece>, place: f64) {
    let &(noun, fem, plural, syn) = rng.pick(NOUNS);
    let det = |n: &str| -> String {
        let kind = n.len() % 3; // the determiner follows the noun, so a synonym keeps its kind
        match (kind, plural) {
            (0, true) => format!("les {n}"),
            (0, false) if is_vowel_start(n) => format!("l'{n}"),
            (0, false) => format!("{} {n}", if fem { "la" } else { "le" }),
            (1, true) => format!("nos {n}"),
            (1, false) => format!("notre {n}"),
            (_, true) => format!("ces {n}"),
            (_, false) if fem => format!("cette {n}"),
            (_, false) if is_vowel_start(n) => format!("cet {n}"),
            (_, false) => format!("ce {n}"),
        }
    };
    out.push(piece_alt(det(noun), det(syn)));
    if rng.chance(0.6) {
        let a = rng.pick(ADJS);
        out.push(piece(match (fem, plural) {
            (false, false) => a.0,
            (true, false) => a.1,
            (false, true) => a.2,
            (true, true) => a.3,
        }));
    }
    if rng.chance(place) {
        let p = rng.pick(&slots.places).clone();
        out.push(piece(p));
    }
}

fn verb(rng: &mut Rng) -> Piece {
    let &(v, syn) = rng.pick(VERBS);
    piece_alt(v, syn)
}

fn adverb(rng: &mut Rng, out: &mut Vec<Piece>) {
    if rng.chance(0.2) {
        let &(a, syn) = rng.pick(ADVS);
        out.push(piece_alt(a, syn));
    }
}

/// One clause: an opener and an infinitive, or a subject and a verb; then two noun phrases.
fn clause(rng: &mut Rng, slots: &QuoteSlots) -> Vec<Piece> {
    let mut out = Vec::new();
    if rng.chance(0.7) {
        let &(o, syn) = rng.pick(OPENERS);
        out.push(piece_alt(o, syn));
        out.push(verb(rng));
    } else {
        out.push(piece(*rng.pick(SUBJECTS)));
        let &(v, syn) = rng.pick(VERBS_3S);
        out.push(piece_alt(v, syn));
    }
    noun_phrase(rng, slots, &mut out, 0.25);
    let &(l, syn) = rng.pick(LINKERS);
    out.push(piece_alt(l, syn));
    noun_phrase(rng, slots, &mut out, 0.5);
    adverb(rng, &mut out);
    out
}

fn make_quote(rng: &mut Rng, slots: &QuoteSlots) -> Quote {
    let mut pieces = clause(rng, slots);
    let first = pieces.len();
    let first_words: usize = pieces.iter().map(|p| p.text.split(' ').count()).sum();
    pieces.push(piece(*rng.pick(&[
        ".",
        ", et",
        ", car",
        ". Mais",
        ". C'est pourquoi",
        ". Et",
    ])));
    pieces.extend(clause(rng, slots));
    Quote {
        pieces,
        // A partial quotation only when the first clause says enough on its own.
        first_clause: if first_words >= 16 { first } else { usize::MAX },
    }
}

/// The clause of a treaty article: a legal opener, then the general grammar.
fn make_article_quote(rng: &mut Rng, slots: &QuoteSlots) -> Quote {
    let mut pieces = vec![piece(*rng.pick(&[
        "les États parties s'engagent à",
        "les parties contractantes s'engagent à",
        "chaque État membre s'engage à",
        "les signataires s'engagent à",
        "les États membres conviennent de",
        "les hautes parties contractantes décident de",
        "chaque partie s'oblige à",
        "il est institué un cadre permanent destiné à",
        "les parties reconnaissent la nécessité de",
        "aux fins du présent texte, les États s'attachent à",
    ]))];
    pieces.push(verb(rng));
    noun_phrase(rng, slots, &mut pieces, 0.3);
    let &(l, syn) = rng.pick(LINKERS);
    pieces.push(piece_alt(l, syn));
    noun_phrase(rng, slots, &mut pieces, 0.3);
    pieces.push(piece(*rng.pick(&[
        ".",
        ", et",
        ". À cette fin,",
        ". En outre,",
    ])));
    pieces.extend(clause(rng, slots));
    Quote {
        pieces,
        first_clause: usize::MAX,
    }
}

// ----------------------------------------------------------------------------------------- names

// The linter's own folding, phonetic keys and edit distance: names the generator treats as
// distinct must be distinct for crosscheck too.
use crosscheck::text::fold;

fn phonetic(s: &str) -> String {
    crosscheck::resolve::phonetic(&s.replace(' ', ""))
}

fn similar(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    strsim::levenshtein(&fa, &fb) <= 2 || phonetic(a) == phonetic(b)
}

/// Every name given so far; two people never have names a reader (or a linter) could take for
/// spelling variants of each other.
#[derive(Default)]
struct Names {
    /// Given name → (folded surname, phonetic surname) of everyone with that given name.
    by_given: BTreeMap<String, Vec<(String, String)>>,
    similar_givens: HashMap<String, Vec<String>>,
}

impl Names {
    fn free(&mut self, given: &str, surname: &str) -> bool {
        if !self.similar_givens.contains_key(given) {
            let sims: Vec<String> = self
                .by_given
                .keys()
                .filter(|g| similar(g, given))
                .cloned()
                .collect();
            self.similar_givens.insert(given.to_string(), sims);
        }
        let (fs, ps) = (fold(surname), phonetic(surname));
        let sims = &self.similar_givens[given];
        sims.iter().map(String::as_str).chain([given]).all(|g| {
            self.by_given.get(g).is_none_or(|ss| {
                ss.iter()
                    .all(|(f2, p2)| *p2 != ps && strsim::levenshtein(&fs, f2) > 2)
            })
        })
    }

    fn add(&mut self, given: &str, surname: &str) {
        if !self.by_given.contains_key(given) {
            for (g, sims) in self.similar_givens.iter_mut() {
                if similar(g, given) && !sims.iter().any(|s| s == given) {
                    sims.push(given.to_string());
                }
            }
        }
        self.by_given
            .entry(given.to_string())
            .or_default()
            .push((fold(surname), phonetic(surname)));
    }
}

/// A misspelling a writer could make: an accent dropped, a letter dropped, doubled or undoubled,
/// two letters swapped.
fn misspell(rng: &mut Rng, word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    for _ in 0..20 {
        let mut c = chars.clone();
        match rng.below(5) {
            0 => {
                let acc: Vec<usize> = (0..n).filter(|&i| "éèêëïîôöüûç".contains(c[i])).collect();
                if acc.is_empty() {
                    continue;
                }
                let i = *rng.pick(&acc);
                c[i] = fold(&c[i].to_string()).chars().next().unwrap_or(c[i]);
            }
            1 => {
                if n < 5 {
                    continue;
                }
                let i = 1 + rng.below(n - 2);
                if !c[i].is_alphabetic() {
                    continue;
                }
                c.remove(i);
            }
            2 => {
                let i = 1 + rng.below(n.saturating_sub(2).max(1));
                if i >= n || !c[i].is_alphabetic() || "aeiouéèy".contains(c[i]) {
                    continue;
                }
                if i + 1 < n && c[i + 1] == c[i] {
                    c.remove(i);
                } else {
                    c.insert(i, c[i]);
                }
            }
            3 => {
                if n < 5 {
                    continue;
                }
                let i = 1 + rng.below(n - 3);
                if !c[i].is_alphabetic() || !c[i + 1].is_alphabetic() || c[i] == c[i + 1] {
                    continue;
                }
                c.swap(i, i + 1);
            }
            _ => {
                let i = 1 + rng.below(n.saturating_sub(1).max(1));
                if i >= n {
                    continue;
                }
                let r = match c[i] {
                    'k' => 'c',
                    'c' => 'k',
                    'i' => 'y',
                    'y' => 'i',
                    'o' => 'ô',
                    'e' => 'é',
                    'é' => 'è',
                    _ => continue,
                };
                c[i] = r;
            }
        }
        let s: String = c.into_iter().collect();
        if s != word && s.chars().count() >= 3 {
            return s;
        }
    }
    // Always something: the last letter doubled.
    format!("{word}{}", chars[n - 1])
}

// ----------------------------------------------------------------------------------------- world

#[derive(Clone, Copy, PartialEq, Eq)]
enum Office {
    President(usize),
    PrimeMinister(usize),
    Minister(usize, usize),
    ArmyChief(usize),
    Governor(usize, usize),
    Mayor(usize, usize),
    Officer(usize, usize),
    NgoHead(usize),
    Researcher(usize, usize),
    Doctor(usize, usize),
    Director(usize),
    Witness(usize, u32),
    Ambassador(usize, usize),
}

const RANKS: &[&str] = &["colonel", "lieutenant-colonel", "commandant", "capitaine"];
const INSTITUTES: &[&str] = &[
    "Centre d'études stratégiques",
    "Institut de recherche sur la sécurité",
    "Observatoire des dynamiques sociales",
    "Centre de recherche en économie appliquée",
    "Institut des études africaines",
];
const OCCUPATIONS: &[(&str, &str)] = &[
    ("commerçant", "commerçante"),
    ("enseignant", "enseignante"),
    ("agriculteur", "agricultrice"),
    ("éleveur", "éleveuse"),
    ("infirmier", "infirmière"),
    ("étudiant", "étudiante"),
    ("couturier", "couturière"),
    ("chauffeur", "chauffeuse"),
    ("mécanicien", "mécanicienne"),
    ("pêcheur", "pêcheuse"),
];

struct Person {
    given: String,
    surname: String,
    female: bool,
    office: Office,
}

struct Org {
    name: String,
    fem: bool,
    acr: String,
}

struct Gov {
    president: usize,
    pm: usize,
    ministers: Vec<(usize, usize)>,
    army: usize,
}

struct World {
    people: Vec<Person>,
    govs: Vec<Gov>,
    orgs: Vec<Org>,
    org_by_name: HashMap<String, usize>,
    acronyms: HashSet<String>,
    region_orgs: Vec<Vec<usize>>,
    org_directors: BTreeMap<usize, usize>,
    ambassadors: BTreeMap<(usize, usize), usize>,
    names: Names,
    places: HashSet<String>,
    treaty_places: HashSet<String>,
}

const STOP: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "l", "d", "pour", "et", "en", "à", "au", "aux", "sur",
    "contre", "dans",
];

fn acronym_of(name: &str) -> String {
    let mut out = String::new();
    for w in name.split([' ', '\'', '-', '’']) {
        if w.is_empty() || STOP.contains(&w) {
            continue;
        }
        let c = w.chars().next().unwrap_or('x');
        out.push_str(&fold(&c.to_string()).to_uppercase());
    }
    out
}

impl World {
    fn new(rng: &mut Rng) -> World {
        let mut w = World {
            people: Vec::new(),
            govs: Vec::new(),
            orgs: Vec::new(),
            org_by_name: HashMap::new(),
            acronyms: HashSet::new(),
            region_orgs: vec![Vec::new(); 6],
            org_directors: BTreeMap::new(),
            ambassadors: BTreeMap::new(),
            names: Names::default(),
            places: HashSet::new(),
            treaty_places: HashSet::new(),
        };
        for c in COUNTRIES {
            w.places.insert(c.capital.to_string());
            for t in c.towns {
                w.places.insert(t.to_string());
            }
        }
        for (ci, country) in COUNTRIES.iter().enumerate() {
            let r = country.region;
            let fp = rng.chance(0.1);
            let president = w.new_person(rng, r, Office::President(ci), Some(fp));
            let pm = w.new_person(rng, r, Office::PrimeMinister(ci), None);
            let mut pfs: Vec<usize> = (HUM + 1..PORTFOLIOS.len()).collect();
            rng.shuffle(&mut pfs);
            let mut ministers = Vec::new();
            for pf in (0..=HUM).chain(pfs.into_iter().take(5)) {
                let p = w.new_person(rng, r, Office::Minister(ci, pf), None);
                ministers.push((pf, p));
            }
            let army = w.new_person(rng, r, Office::ArmyChief(ci), Some(false));
            w.govs.push(Gov {
                president,
                pm,
                ministers,
                army,
            });
        }
        for region in 0..5 {
            for k in 0..8 {
                let oid = w.new_world_org(rng, region, k);
                w.region_orgs[region].push(oid);
            }
        }
        w
    }

    fn new_person(
        &mut self,
        rng: &mut Rng,
        region: usize,
        office: Office,
        female: Option<bool>,
    ) -> usize {
        let female = female.unwrap_or_else(|| rng.chance(0.3));
        for attempt in 0..400 {
            let r = if attempt < 200 { region } else { rng.below(6) };
            let given = if female {
                *rng.pick(GIVEN_F[r])
            } else {
                *rng.pick(GIVEN_M[r])
            };
            let compound = attempt > 40 || rng.chance(if r == 2 { 0.3 } else { 0.1 });
            let mut surname = rng.pick(SURNAMES[r]).to_string();
            if compound {
                let second = rng.pick(SURNAMES[r]);
                if *second == surname {
                    continue;
                }
                surname = format!("{surname} {second}");
            }
            if attempt > 300 {
                surname = format!("{}{}{}", rng.pick(SYL_A), rng.pick(SYL_B), rng.pick(SYL_C));
            }
            if fold(&surname) == fold(given) || !self.names.free(given, &surname) {
                continue;
            }
            self.names.add(given, &surname);
            self.people.push(Person {
                given: given.to_string(),
                surname,
                female,
                office,
            });
            return self.people.len() - 1;
        }
        panic!("gen_corpus: ran out of distinct names");
    }

    fn add_org(&mut self, name: String, fem: bool) -> Option<usize> {
        if let Some(&id) = self.org_by_name.get(&name) {
            return Some(id);
        }
        let acr = acronym_of(&name);
        if acr.len() < 3 || acr.len() > 7 || self.acronyms.contains(&acr) {
            return None;
        }
        self.acronyms.insert(acr.clone());
        self.org_by_name.insert(name.clone(), self.orgs.len());
        self.orgs.push(Org { name, fem, acr });
        Some(self.orgs.len() - 1)
    }

    fn new_world_org(&mut self, rng: &mut Rng, region: usize, k: usize) -> usize {
        loop {
            let (head, fem) = if k == 0 {
                ("Banque", true)
            } else {
                *rng.pick(ORG_HEADS)
            };
            let mut name = head.to_string();
            if rng.chance(0.6) {
                let q = rng.pick(ORG_QUALS);
                name.push(' ');
                name.push_str(if fem { q.1 } else { q.0 });
            }
            if k == 0 {
                name.push_str(" de développement");
            } else {
                name.push(' ');
                name.push_str(rng.word(ORG_PURPOSES));
            }
            name.push(' ');
            name.push_str(rng.word(REGION_SCOPES[region]));
            if let Some(id) = self.add_org(name, fem) {
                return id;
            }
        }
    }

    fn new_local_org(&mut self, rng: &mut Rng, place: &str) -> usize {
        loop {
            let (head, fem) = *rng.pick(NGO_HEADS);
            let name = format!("{head} {} {}", *rng.pick(NGO_PURPOSES), de(place));
            if let Some(id) = self.add_org(name, fem) {
                return id;
            }
        }
    }

    fn new_treaty_org(&mut self, rng: &mut Rng, region: usize, place: &str) -> usize {
        loop {
            let (head, fem) = *rng.pick(ORG_HEADS);
            let q = rng.pick(ORG_QUALS);
            let name = format!(
                "{head} {} {} {}",
                if fem { q.1 } else { q.0 },
                rng.word(ORG_PURPOSES),
                if rng.chance(0.5) {
                    rng.pick(REGION_SCOPES[region]).to_string()
                } else {
                    de(place)
                }
            );
            if let Some(id) = self.add_org(name, fem) {
                return id;
            }
        }
    }

    fn new_place(&mut self, rng: &mut Rng) -> String {
        loop {
            let p = format!("{}{}{}", rng.pick(SYL_A), rng.pick(SYL_B), rng.pick(SYL_C));
            if p.chars().count() >= 5 && self.places.insert(p.clone()) {
                return p;
            }
        }
    }

    fn director(&mut self, rng: &mut Rng, org: usize, region: usize) -> usize {
        if let Some(&p) = self.org_directors.get(&org) {
            return p;
        }
        let p = self.new_person(rng, region, Office::Director(org), None);
        self.org_directors.insert(org, p);
        p
    }

    fn ambassador(&mut self, rng: &mut Rng, from: usize, to: usize) -> usize {
        if let Some(&p) = self.ambassadors.get(&(from, to)) {
            return p;
        }
        let p = self.new_person(
            rng,
            COUNTRIES[from].region,
            Office::Ambassador(from, to),
            None,
        );
        self.ambassadors.insert((from, to), p);
        p
    }

    fn minister(&self, country: usize, pf: usize) -> usize {
        self.govs[country]
            .ministers
            .iter()
            .find(|m| m.0 == pf)
            .map(|m| m.1)
            .unwrap_or(self.govs[country].pm)
    }
}

// --------------------------------------------------------------------------------------- stories

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Attack,
    Summit,
    Disaster,
    Finance,
    Epidemic,
}

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
enum Fact {
    Role(usize),
    Name(usize),
    Treaty,
    Acronym(usize),
    Quote(&'static str),
    Date,
    Toll,
}

#[derive(Clone)]
enum Plant {
    Role(usize, usize),
    Name(usize, String, String),
    Treaty(&'static str, bool),
    Acronym(usize, String),
    Quote(&'static str, String),
    Date(i64),
    Toll(u32),
}

impl Plant {
    fn fact(&self) -> Fact {
        match self {
            Plant::Role(p, _) => Fact::Role(*p),
            Plant::Name(p, _, _) => Fact::Name(*p),
            Plant::Treaty(..) => Fact::Treaty,
            Plant::Acronym(o, _) => Fact::Acronym(*o),
            Plant::Quote(k, _) => Fact::Quote(k),
            Plant::Date(_) => Fact::Date,
            Plant::Toll(_) => Fact::Toll,
        }
    }
}

struct Treaty {
    head: usize,
    place: String,
    topic: &'static str,
}

struct Disaster {
    np: &'static str,
    fem: bool,
    plural: bool,
}

const DISASTERS: &[Disaster] = &[
    Disaster {
        np: "les inondations",
        fem: true,
        plural: true,
    },
    Disaster {
        np: "le glissement de terrain",
        fem: false,
        plural: false,
    },
    Disaster {
        np: "l'effondrement d'un site d'orpaillage",
        fem: false,
        plural: false,
    },
    Disaster {
        np: "l'incendie",
        fem: false,
        plural: false,
    },
    Disaster {
        np: "le naufrage d'une pirogue",
        fem: false,
        plural: false,
    },
    Disaster {
        np: "les pluies diluviennes",
        fem: true,
        plural: true,
    },
    Disaster {
        np: "la crue du fleuve",
        fem: true,
        plural: false,
    },
];

const DISEASES: &[&str] = &[
    "choléra",
    "rougeole",
    "méningite",
    "dengue",
    "fièvre de Lassa",
    "fièvre jaune",
    "diphtérie",
    "variole du singe",
];
const ATTACKERS: &[&str] = &[
    "des hommes armés non identifiés",
    "des jihadistes présumés",
    "des assaillants lourdement armés",
    "des individus armés circulant à moto",
    "un groupe armé venu de la frontière",
];
const TARGETS: &[&str] = &[
    "un poste militaire",
    "le marché hebdomadaire",
    "un convoi de ravitaillement",
    "une patrouille de l'armée",
    "un camp de déplacés",
    "la brigade de gendarmerie",
    "plusieurs hameaux",
];
const DIRECTIONS: &[&str] = &[
    "le nord",
    "le centre",
    "l'est",
    "le sud",
    "l'ouest",
    "le nord-est",
];
const PROJECTS: &[&str] = &[
    "projet d'aménagement hydro-agricole",
    "programme de désenclavement des zones rurales",
    "projet d'électrification rurale",
    "programme d'adduction d'eau potable",
    "projet de construction d'une centrale solaire",
    "programme d'appui à la résilience des ménages",
    "projet de réhabilitation de la route nationale",
];

struct Story {
    id: usize,
    kind: Kind,
    country: usize,
    partners: Vec<usize>,
    town: String,
    locality: String,
    dir: &'static str,
    event_day: i64,
    days: Vec<i64>,
    outlets: Vec<usize>,
    toll: Option<u32>,
    toll_vague: Vec<bool>,
    injured: Option<u32>,
    displaced: Option<u32>,
    cases: Option<u32>,
    cast: BTreeMap<&'static str, usize>,
    quotes: BTreeMap<&'static str, Quote>,
    org: Option<usize>,
    ngo: Option<usize>,
    treaty: Option<Treaty>,
    article_no: u32,
    article_count: u32,
    attackers: &'static str,
    target: &'static str,
    disaster: usize,
    disease: &'static str,
    amount: String,
    project: &'static str,
    past_year: i64,
    past_toll: u32,
    plants: Vec<Option<Plant>>,
}

// ------------------------------------------------------------------------------------- templates

const LEAD_ATTACK: &[&str] = &[
    "{^attackers} ont attaqué {date} {target} {de_L}, une localité située dans {region}, dans {dir} {C_de}. L'attaque a fait {toll} et {injured}, selon un bilan officiel communiqué dans la soirée par les autorités {adjfp}.",
    "Le bilan est lourd à {L}. L'attaque perpétrée {date} par {attackers} contre {target} de cette localité de {region} a fait {toll}, a annoncé le gouvernement {adj}, qui dénonce un acte « lâche et barbare ».",
    "{^C} est de nouveau en deuil. {^attackers} ont pris pour cible {date} {target} {de_L}, dans {region}, faisant {toll} et {injured}, selon des sources sécuritaires et des élus locaux.",
    "Une nouvelle attaque a endeuillé {dir} {C_de}. {date_cap}, {attackers} ont fait irruption à {L}, dans {region}, et ouvert le feu sur {target} de la localité. L'attaque a fait {toll}, a indiqué l'état-major des armées dans un communiqué.",
];
const LEAD_SUMMIT: &[&str] = &[
    "Les chefs d'État {all_de} ont signé {date} à {T} {treaty}, au terme d'un sommet extraordinaire consacré à la sécurité et à l'intégration régionale.",
    "{^all} ont scellé {date} leur rapprochement en signant à {T} {treaty}, un texte qui doit encadrer leur coopération dans les années à venir.",
    "Réunis en sommet à {T}, les dirigeants {all_de} ont adopté {date} {treaty}. Le texte, négocié pendant plusieurs mois, a été paraphé en présence de nombreux délégués et observateurs.",
];
const LEAD_DISASTER: &[&str] = &[
    "{^dis} survenu{dis_agr} {date} à {L}, dans {region}, {dis_aux} fait {toll} et {injured}, selon un bilan provisoire des services de la protection civile.",
    "Le bilan {dis_de} qui {dis_aux} frappé {L} {date} s'est alourdi : les secours ont dénombré {toll}, tandis que plus de {displaced} personnes ont été déplacées.",
    "{^C} pleure ses morts. {^dis} {dis_aux} frappé {date} la localité {de_L}, dans {dir} du pays, faisant {toll} et privant de logement plus de {displaced} personnes, selon les autorités.",
];
const LEAD_FINANCE: &[&str] = &[
    "Le gouvernement {adj} et {org} ont signé {date} à {cap} un accord de financement de {amount} destiné au {project} de {region}.",
    "Un accord de financement de {amount} a été signé {date} à {cap} entre le gouvernement {adj} et {org}. Il doit permettre de réaliser le {project} de {region}, attendu depuis plusieurs années par les populations.",
    "{^org} accorde {amount} {C_en} pour financer le {project} de {region}. La convention de financement a été signée {date} à {cap}.",
];
const LEAD_EPIDEMIC: &[&str] = &[
    "Les autorités sanitaires {adjfp} ont déclaré {date} une épidémie de {disease} dans {region}. La maladie a déjà fait {toll} et plus de {cases} cas ont été recensés, selon le ministère de la Santé.",
    "L'épidémie de {disease} déclarée {date} à {T} continue de progresser. Selon le dernier bulletin épidémiologique, elle a fait {toll} et plus de {cases} cas suspects ont été notifiés dans le district sanitaire.",
    "{^C} fait face à une flambée de {disease}. Officiellement déclarée {date} dans {region}, l'épidémie a fait {toll}, a indiqué le ministère de la Santé, qui redoute une propagation vers {cap}.",
];

const OFFICIAL: &[&str] = &[
    "« {Q:main} », a déclaré {P:main} lors d'une conférence de presse à {cap}.",
    "Dans une déclaration lue à la télévision nationale, {P:main} a pris la parole. « {Q:main} », a-t-{il:main} affirmé.",
    "{^P:main} a réagi dans la soirée : « {Q:main} ».",
    "Selon {P:main}, « {Q:main} ».",
    "Interrogé{e:main} par la presse, {P:main} s'est voulu{e:main} ferme. « {Q:main} », a-t-{il:main} martelé.",
];
const OFFICIAL_SUMMIT: &[&str] = &[
    "« {Q:main} », s'est félicité{e:main} {P:main} à l'issue de la cérémonie de signature.",
    "Dans son discours d'ouverture, {P:main} a salué « une journée historique ». « {Q:main} », a-t-{il:main} lancé devant ses homologues.",
];
const TREATY_PAR: &[&str] = &[
    "Le texte prévoit notamment la création {ngo_de}, chargé{ngo_e} de coordonner la mise en œuvre des engagements. Selon ses signataires, {treaty} entrera en vigueur après sa ratification par les parlements nationaux.",
    "Composé{treaty_e} de {article_count} articles, {treaty} fixe les principes d'une action commune entre les États signataires. Son article {article_no} stipule que « {Q:art} ».",
    "L'article {article_no} {treaty_de} prévoit que « {Q:art} ». Le texte institue par ailleurs {ngo}, dont le siège sera installé à {cap}.",
];
const FM_PAR: &[&str] = &[
    "{^P:fm} a détaillé les grandes lignes du texte devant la presse. « {Q:fm} », a-t-{il:fm} expliqué.",
    "Pour {P:fm}, qui a conduit les négociations, le texte « ouvre une nouvelle page ». « {Q:fm} », a-t-{il:fm} déclaré.",
];
const ORG_PAR: &[&str] = &[
    "{^org}, qui regroupe plusieurs États de la sous-région, a réagi par la voix de {P:dir}. « {Q:dir} », a-t-{il:dir} déclaré dans un communiqué.",
    "{^org} a annoncé l'envoi d'une mission d'évaluation à {cap} dans les prochains jours. « {Q:dir} », a indiqué {P:dir}.",
    "Partenaire de longue date {C_de}, {org} s'est engagé{org_e} à accompagner les autorités. « {Q:dir} », a souligné {P:dir}.",
];

const EXTRA_ATTACK: &[&str] = &[
    "Selon {P:col}, les forces de défense et de sécurité ont « neutralisé plusieurs assaillants » et récupéré des armes et des munitions. « {Q:col} », a précisé l'officier.",
    "{^P:gov} s'est rendu{e:gov} sur les lieux dès le lendemain. « {Q:gov} », a-t-{il:gov} déclaré devant les habitants rassemblés devant la mairie.",
    "Joint par téléphone, {P:wit} décrit des scènes de panique. « {Q:wit} », raconte-t-{il:wit}.",
    "{^P:army} a ordonné le renforcement du dispositif sécuritaire dans la zone, où des opérations de ratissage étaient toujours en cours.",
    "{^P:pres} a décrété un deuil national de trois jours et présenté ses condoléances aux familles des victimes.",
    "L'attaque a provoqué la fuite de nombreux habitants vers {T}, où plus de {displaced} personnes déplacées ont été recensées par les services humanitaires.",
    "{^P:ngo} dénonce « l'abandon des populations rurales ». « {Q:ngo} », estime {S:ngo}.",
    "Pour {P:res}, cette attaque illustre la capacité des groupes armés à frapper loin de leurs bases. « {Q:res} », analyse {S:res}.",
    "Ce n'est pas la première fois que la zone est visée : en {past_year}, une attaque contre un poste de gendarmerie voisin avait fait {past_toll} morts.",
];
const EXTRA_SUMMIT: &[&str] = &[
    "{^P:p2} a pour sa part salué « un moment historique ». « {Q:p2} », a-t-{il:p2} déclaré.",
    "{^P:amb}, présent{e:amb} à la cérémonie, a salué une initiative « qui va dans le bon sens ».",
    "Pour {P:res}, le texte marque une étape importante mais devra être suivi d'effets. « {Q:res} », analyse {S:res}.",
    "La société civile reste prudente. « {Q:ngo} », a réagi {P:ngo}.",
    "{^P:pm} avait préparé le terrain lors d'une tournée régionale le mois dernier, rencontrant tour à tour les chefs de gouvernement des pays voisins.",
];
const EXTRA_DISASTER: &[&str] = &[
    "{^P:gov} a présidé une réunion de crise dès les premières heures. « {Q:gov} », a-t-{il:gov} affirmé.",
    "{^P:min2} a annoncé l'ouverture de centres d'accueil provisoires et l'envoi de médicaments dans les structures sanitaires {de_T}. « {Q:min2} », a-t-{il:min2} indiqué.",
    "Joint par téléphone, {P:wit} raconte avoir tout perdu. « {Q:wit} », confie-t-{il:wit}.",
    "{^P:ngo} appelle à une meilleure prévention. « {Q:ngo} », plaide {S:ngo}.",
    "{^P:pm} a présidé à {cap} une réunion interministérielle consacrée à la prise en charge des sinistrés et à la reconstruction des habitations détruites.",
    "Plus de {displaced} personnes ont trouvé refuge dans des écoles et des lieux de culte {de_T}, selon les services de l'action humanitaire.",
];
const EXTRA_FINANCE: &[&str] = &[
    "{^P:min2} a rappelé l'importance du projet pour les populations. « {Q:min2} », a-t-{il:min2} souligné.",
    "{^P:gov} a salué un financement « très attendu ». « {Q:gov} », a-t-{il:gov} déclaré.",
    "Pour l'économiste {P:res}, l'accord est une bonne nouvelle à condition que les délais soient tenus. « {Q:res} », estime {S:res}.",
    "Les travaux devraient débuter avant la fin de l'année et durer {num:18-48} mois. Ils mobiliseront plusieurs entreprises locales et devraient créer près de {num:300-2500} emplois directs.",
    "{^P:pm} a fait de ce projet l'une des priorités de son programme d'action gouvernementale, présenté devant l'Assemblée nationale au début de l'année.",
];
const EXTRA_EPIDEMIC: &[&str] = &[
    "{^P:doc} décrit des structures sanitaires débordées. « {Q:doc} », a-t-{il:doc} déclaré.",
    "Joint par téléphone, {P:wit}, dont un proche a été hospitalisé, témoigne. « {Q:wit} », raconte-t-{il:wit}.",
    "{^P:gov} a interdit les rassemblements publics dans plusieurs localités. « {Q:gov} », a-t-{il:gov} justifié.",
    "Une campagne de vaccination doit débuter dans les prochains jours et cibler près de {num:50-900} 000 personnes, selon le programme élargi de vaccination.",
    "{^P:pm} a convoqué une réunion du comité national de gestion des épidémies, qui doit se réunir chaque semaine jusqu'à la fin de la crise.",
];

const BACKGROUND: &[&str] = &[
    "{^C} traverse depuis plusieurs années une période difficile. Selon les Nations unies, des millions de personnes y ont besoin d'une assistance, tandis que l'accès aux services sociaux de base reste limité dans de nombreuses zones rurales.",
    "La région {de_T} est l'une des plus peuplées du pays. Son économie repose essentiellement sur l'agriculture, l'élevage et le commerce transfrontalier, des activités fortement perturbées par l'insécurité et les aléas climatiques.",
    "Les partenaires techniques et financiers {C_de} suivent la situation avec attention. Plusieurs chancelleries ont appelé leurs ressortissants à la prudence et déconseillé les déplacements dans {dir} du pays.",
    "Selon les statistiques officielles, la croissance {C_de} devrait atteindre {num:2-7},{num:1-9} % cette année, portée par les industries extractives et la production agricole, malgré une inflation persistante.",
    "Dans les rues {de_cap}, l'actualité suscite de nombreuses réactions. Sur les réseaux sociaux, des internautes réclament davantage de transparence de la part des autorités et des mesures concrètes pour les populations concernées.",
    "Le gouvernement {adj} a par ailleurs annoncé la tenue prochaine d'un conseil des ministres extraordinaire consacré à la situation dans {region}, selon une source proche de la présidence.",
    "{^P:pm} avait promis, lors de sa déclaration de politique générale, de faire de la sécurité et de l'accès aux services de base des priorités. Ses opposants lui reprochent un bilan mitigé.",
    "{^P:min3} a, de son côté, annoncé une série de mesures d'accompagnement, dont le détail sera présenté lors d'une conférence de presse à {cap} dans les prochains jours.",
    "Les organisations de la société civile appellent à un dialogue inclusif. Elles estiment que les solutions durables passent par une meilleure implication des communautés locales et des autorités traditionnelles.",
    "L'opposition, réunie au sein d'une plateforme de partis politiques, a dénoncé l'absence de concertation et réclamé la publication d'un rapport détaillé sur la gestion de la crise.",
    "Selon un rapport publié l'an dernier par un centre de recherche basé à {cap}, près de {num:20-45} % des ménages de {region} vivent sous le seuil de pauvreté, et plus de {num:100-900} écoles y restent fermées.",
    "La route nationale qui relie {cap} à {T}, longue de {num:150-900} kilomètres, est dans un état de dégradation avancé. Les transporteurs dénoncent régulièrement les rackets et les retards aux postes de contrôle.",
    "Sur le plan diplomatique, {C} entretient des relations étroites avec ses voisins, avec lesquels il partage de longues frontières difficiles à surveiller. Plusieurs accords de coopération ont été conclus ces dernières années.",
    "Les images partagées sur les réseaux sociaux montrent l'ampleur des dégâts. Certaines, dont l'authenticité n'a pas pu être vérifiée, ont été retirées par les plateformes à la demande des autorités.",
    "Le chef de l'État {adj}, {N:pres}, doit s'exprimer dans les prochains jours. Son entourage assure qu'il suit la situation « heure par heure » et qu'il a donné des instructions fermes aux services concernés.",
    "La saison des pluies, qui s'étend généralement de juin à septembre, complique l'acheminement de l'aide dans {dir} du pays, où de nombreuses pistes deviennent impraticables.",
    "Les prix des denrées de première nécessité ont fortement augmenté sur les marchés {de_T} ces dernières semaines. Le sac de riz de 50 kilogrammes s'y négocie désormais autour de {num:25-40} 000 francs CFA.",
    "{^P:min3} avait déjà alerté, lors d'un récent passage devant les députés, sur la nécessité de renforcer les moyens alloués aux collectivités territoriales de {region}.",
    "Les autorités religieuses et coutumières {de_T} ont appelé au calme et à la retenue. Des prières ont été organisées dans plusieurs mosquées et églises de la ville à la mémoire des disparus.",
    "Le budget de l'État pour l'exercice en cours prévoit une hausse sensible des dépenses consacrées à la sécurité et aux infrastructures, au détriment, selon certains économistes, des secteurs sociaux.",
];
const CLOSING: &[&str] = &[
    "Une enquête a été ouverte pour déterminer les circonstances exactes des faits.",
    "Les autorités promettent de nouvelles annonces dans les prochains jours.",
    "La situation reste suivie de près par les partenaires régionaux.",
    "Un nouveau point de situation est attendu en fin de semaine.",
];

const TITLE_ATTACK: &[&str] = &[
    "{Cn} : une attaque meurtrière frappe {L}",
    "{Cn} : deuil dans {region} après l'attaque {de_L}",
    "Attaque {de_L} : le gouvernement {adj} promet une riposte",
];
const TITLE_SUMMIT: &[&str] = &[
    "Sommet {de_T} : {all} scellent une alliance",
    "{Cn} : un nouveau texte régional signé à {T}",
    "Intégration régionale : les dirigeants réunis à {T}",
];
const TITLE_DISASTER: &[&str] = &[
    "{Cn} : {dis} endeuille{dis_n} {L}",
    "Catastrophe à {L} : les secours à pied d'œuvre",
    "{Cn} : la région {de_T} frappée par une catastrophe",
];
const TITLE_FINANCE: &[&str] = &[
    "{Cn} : un nouveau financement pour {region}",
    "{Cn} : accord de financement signé à {cap}",
];
const TITLE_EPIDEMIC: &[&str] = &[
    "{Cn} : une épidémie de {disease} déclarée à {T}",
    "Santé : {region} face à la {disease}",
];

// ------------------------------------------------------------------------------------- rendering

/// One article being written: the story, its plant, and what has been said so far.
struct Art<'a> {
    w: &'a World,
    s: &'a Story,
    k: usize,
    plant: Option<&'a Plant>,
    rng: Rng,
    introduced: HashSet<usize>,
    org_introduced: HashSet<usize>,
    treaty_introduced: bool,
    evidence: BTreeMap<Fact, String>,
    counts: &'a mut BTreeMap<String, u64>,
}

type Snapshot = (HashSet<usize>, HashSet<usize>, bool, BTreeMap<Fact, String>);

impl Art<'_> {
    fn snapshot(&self) -> Snapshot {
        (
            self.introduced.clone(),
            self.org_introduced.clone(),
            self.treaty_introduced,
            self.evidence.clone(),
        )
    }

    fn restore(&mut self, s: Snapshot) {
        (
            self.introduced,
            self.org_introduced,
            self.treaty_introduced,
            self.evidence,
        ) = s;
    }

    fn count(&mut self, term: &str) {
        *self.counts.entry(term.to_string()).or_default() += 1;
    }

    fn country(&self) -> &'static Country {
        &COUNTRIES[self.s.country]
    }

    fn names(&self, pid: usize) -> (String, String) {
        let p = &self.w.people[pid];
        if let Some(Plant::Name(q, g, s)) = self.plant
            && *q == pid
        {
            return (g.clone(), s.clone());
        }
        (p.given.clone(), p.surname.clone())
    }

    fn full_name(&mut self, pid: usize) -> String {
        let (g, s) = self.names(pid);
        let n = format!("{g} {s}");
        self.evidence.entry(Fact::Name(pid)).or_insert(n.clone());
        self.count(&n);
        n
    }

    fn org_ref(&mut self, oid: usize, form: &str) -> String {
        let o = &self.w.orgs[oid];
        let acr = match self.plant {
            Some(Plant::Acronym(q, a)) if *q == oid => a.clone(),
            _ => o.acr.clone(),
        };
        let first = self.org_introduced.insert(oid);
        let (article, body) = if first {
            self.evidence
                .entry(Fact::Acronym(oid))
                .or_insert(format!("({acr})"));
            self.count(&o.name);
            self.count(&acr);
            let a = if is_vowel_start(&o.name) {
                "l'"
            } else if o.fem {
                "la "
            } else {
                "le "
            };
            (a, format!("{} ({acr})", o.name))
        } else {
            self.count(&acr);
            let a = if is_vowel_start(&acr) {
                "l'"
            } else if o.fem {
                "la "
            } else {
                "le "
            };
            (a, acr)
        };
        let np = format!("{article}{body}");
        match form {
            "de" => de(&np),
            "a" => a_(&np),
            _ => np,
        }
    }

    fn treaty_ref(&mut self, form: &str) -> String {
        let Some(t) = &self.s.treaty else {
            return String::new();
        };
        let (mut head, mut fem, _) = TREATY_HEADS[t.head];
        if let Some(Plant::Treaty(h, f)) = self.plant {
            head = h;
            fem = *f;
        }
        let of = if is_vowel_start(&t.place) {
            format!("d'{}", t.place)
        } else {
            format!("de {}", t.place)
        };
        let name = format!("{head} {of}");
        let article = if is_vowel_start(head) {
            "l'"
        } else if fem {
            "la "
        } else {
            "le "
        };
        let np = if !self.treaty_introduced {
            self.treaty_introduced = true;
            self.evidence.entry(Fact::Treaty).or_insert(name.clone());
            self.count(&name);
            format!("{article}{name} {}", t.topic)
        } else if self.rng.chance(0.7) {
            self.count(&name);
            format!("{article}{name}")
        } else {
            format!("{article}{}", head.to_lowercase())
        };
        match form {
            "de" => de(&np),
            _ => np,
        }
    }

    fn date_phrase(&mut self, cap: bool) -> String {
        let day = match self.plant {
            Some(Plant::Date(d)) => *d,
            _ => self.s.event_day,
        };
        let pub_day = self.s.days[self.k];
        let (y, _, _) = civil_from_days(day);
        let dm = day_month(day);
        let wd = weekday(day);
        let phrase = if pub_day == day {
            match self.rng.below(3) {
                0 => format!("ce {wd} {dm}"),
                1 => format!("{wd} {dm}"),
                _ => format!("le {dm} {y}"),
            }
        } else {
            match self.rng.below(4) {
                0 => format!("le {dm}"),
                1 => format!("le {dm} {y}"),
                2 => format!("{wd} {dm}"),
                _ => format!("le {wd} {dm} {y}"),
            }
        };
        let phrase = if cap { capitalize(&phrase) } else { phrase };
        self.evidence.entry(Fact::Date).or_insert(phrase.clone());
        phrase
    }

    fn toll_phrase(&mut self) -> String {
        let (n, vague) = match self.plant {
            Some(Plant::Toll(n)) => (*n, false),
            _ => (self.s.toll.unwrap_or(0), self.s.toll_vague[self.k]),
        };
        let t = if vague {
            format!("au moins {n} morts")
        } else {
            format!("{n} morts")
        };
        self.evidence.entry(Fact::Toll).or_insert(t.clone());
        t
    }

    fn role_pf(&self, pid: usize, pf: usize) -> usize {
        match self.plant {
            Some(Plant::Role(q, wrong)) if *q == pid => *wrong,
            _ => pf,
        }
    }

    /// A person's first mention: name and office. Returns (text, appositive).
    fn intro(&mut self, pid: usize) -> (String, bool) {
        let p = &self.w.people[pid];
        let (female, office) = (p.female, p.office);
        let name = self.full_name(pid);
        let le = if female { "la" } else { "le" };
        let e = if female { "e" } else { "" };
        let pick = self.rng.below(4);
        let (prefix, core, appos) = match office {
            Office::Minister(c, pf) => {
                let pf = PORTFOLIOS[self.role_pf(pid, pf)];
                let cc = &COUNTRIES[c];
                let adj = if female { cc.adjf } else { cc.adj };
                match pick {
                    0 => (
                        format!("{le} "),
                        format!("ministre {adj} {pf}, {name}"),
                        true,
                    ),
                    1 => (
                        String::new(),
                        format!("{name}, ministre {pf} {}", cc.de),
                        true,
                    ),
                    2 if c == self.s.country => {
                        (format!("{le} "), format!("ministre {pf}, {name}"), true)
                    }
                    _ => (
                        String::new(),
                        format!("{name}, {le} ministre {adj} {pf}"),
                        true,
                    ),
                }
            }
            Office::President(c) => {
                let cc = &COUNTRIES[c];
                let adj = if female { cc.adjf } else { cc.adj };
                match pick {
                    0 | 1 => (
                        format!("{le} "),
                        format!("président{e} {adj} {name}"),
                        false,
                    ),
                    2 => (
                        String::new(),
                        format!("{name}, président{e} {}", cc.de),
                        true,
                    ),
                    _ => ("le ".into(), format!("chef de l'État {adj}, {name}"), true),
                }
            }
            Office::PrimeMinister(c) => {
                let cc = &COUNTRIES[c];
                let adj = if female { cc.adjf } else { cc.adj };
                match pick {
                    0 | 1 => (
                        format!("{le} "),
                        format!(
                            "{} ministre {adj}, {name}",
                            if female { "Première" } else { "Premier" }
                        ),
                        true,
                    ),
                    2 => (
                        String::new(),
                        format!(
                            "{name}, {} ministre {}",
                            if female { "Première" } else { "Premier" },
                            cc.de
                        ),
                        true,
                    ),
                    _ => (
                        "le ".into(),
                        format!("chef du gouvernement {adj}, {name}"),
                        true,
                    ),
                }
            }
            Office::ArmyChief(c) => {
                let adjfp = plural_adj(COUNTRIES[c].adjf);
                if pick < 2 {
                    (
                        "le ".into(),
                        format!("général {name}, chef d'état-major général des armées"),
                        true,
                    )
                } else {
                    (
                        "le ".into(),
                        format!("chef d'état-major des armées {adjfp}, le général {name}"),
                        true,
                    )
                }
            }
            Office::Governor(c, t) => {
                let town = self.town_name(c, t);
                let dt = de(town);
                let g = if female {
                    "la gouverneure"
                } else {
                    "le gouverneur"
                };
                if pick < 2 {
                    (
                        String::new(),
                        format!("{g} de la région {dt}, {name}"),
                        true,
                    )
                } else {
                    (String::new(), format!("{name}, gouverneur{e} {dt}"), true)
                }
            }
            Office::Mayor(c, t) => {
                let town = self.town_name(c, t);
                let dt = de(town);
                if pick < 2 {
                    (format!("{le} "), format!("maire {dt}, {name}"), true)
                } else {
                    (String::new(), format!("{name}, maire {dt}"), true)
                }
            }
            Office::Officer(c, r) => {
                let adjf = COUNTRIES[c].adjf;
                if pick < 2 {
                    (
                        "le ".into(),
                        format!("{} {name}, porte-parole de l'armée {adjf}", RANKS[r]),
                        true,
                    )
                } else {
                    (
                        "le ".into(),
                        format!("porte-parole de l'état-major, le {} {name}", RANKS[r]),
                        true,
                    )
                }
            }
            Office::NgoHead(o) => {
                let org = self.org_ref(o, "de");
                let title = if female { "présidente" } else { "président" };
                (String::new(), format!("{name}, {title} {org}"), true)
            }
            Office::Researcher(i, c) => {
                let inst = INSTITUTES[i];
                let city = COUNTRIES[c].capital;
                let title = if female { "chercheuse" } else { "chercheur" };
                (
                    String::new(),
                    format!("{name}, {title} au {inst} {}", de(city)),
                    true,
                )
            }
            Office::Doctor(c, t) => {
                let town = self.town_name(c, t);
                let dt = de(town);
                if pick < 2 {
                    (
                        format!("{le} "),
                        format!(
                            "docteur{} {name}, directeur{} régional{e} de la santé {dt}",
                            if female { "e" } else { "" },
                            if female { "rice" } else { "" }
                        ),
                        true,
                    )
                } else {
                    (
                        String::new(),
                        format!("{name}, médecin-chef du district sanitaire {dt}"),
                        true,
                    )
                }
            }
            Office::Director(o) => {
                let title = if female {
                    "directrice générale"
                } else {
                    "directeur général"
                };
                let org = self.org_ref(o, "de");
                (String::new(), format!("{name}, {title} {org}"), true)
            }
            Office::Witness(occ, age) => {
                let (m, f) = OCCUPATIONS[occ];
                let un = if female { "une" } else { "un" };
                let job = if female { f } else { m };
                if pick < 2 {
                    (
                        String::new(),
                        format!("{name}, {un} {job} de {age} ans"),
                        true,
                    )
                } else {
                    (
                        String::new(),
                        format!("{name}, {job} à {}", self.s.locality),
                        true,
                    )
                }
            }
            Office::Ambassador(from, to) => {
                let adj = if female {
                    COUNTRIES[from].adjf
                } else {
                    COUNTRIES[from].adj
                };
                let title = if female {
                    "l'ambassadrice"
                } else {
                    "l'ambassadeur"
                };
                (
                    String::new(),
                    format!("{title} {adj} {}, {name}", COUNTRIES[to].en),
                    true,
                )
            }
        };
        self.evidence.entry(Fact::Role(pid)).or_insert(core.clone());
        self.introduced.insert(pid);
        (format!("{prefix}{core}"), appos)
    }

    fn town_name(&self, c: usize, t: usize) -> &'static str {
        let cc = &COUNTRIES[c];
        if t < cc.towns.len() {
            cc.towns[t]
        } else {
            cc.capital
        }
    }

    /// A later mention of a person.
    fn short(&mut self, pid: usize) -> String {
        if !self.introduced.contains(&pid) {
            return self.intro(pid).0;
        }
        let p = &self.w.people[pid];
        let (female, office) = (p.female, p.office);
        let (_, surname) = self.names(pid);
        let m = if female { "Mme" } else { "M." };
        match (office, self.rng.below(3)) {
            (Office::Officer(_, r), _) => format!("le {} {surname}", RANKS[r]),
            (Office::ArmyChief(_), _) => format!("le général {surname}"),
            (Office::Doctor(..), 0) => format!("le docteur {surname}"),
            (Office::President(_), 0) => {
                format!("le président {surname}")
            }
            (_, 2) => self.full_name(pid),
            _ => format!("{m} {surname}"),
        }
    }

    fn quote(&mut self, key: &'static str) -> String {
        let Some(q) = self.s.quotes.get(key) else {
            return String::new();
        };
        let text = match self.plant {
            Some(Plant::Quote(k, t)) if *k == key => t.clone(),
            _ if self.rng.chance(0.03) => q.partial(),
            _ => q.text(),
        };
        self.evidence
            .entry(Fact::Quote(key))
            .or_insert(text.clone());
        text
    }

    fn has(&self, key: &str) -> bool {
        let key = key.trim_start_matches('^');
        if let Some((kind, role)) = key.split_once(':') {
            return match kind {
                "num" => true,
                "Q" => {
                    self.s.quotes.contains_key(role)
                        && (role == "art" || self.s.cast.contains_key(role))
                }
                _ => self.s.cast.contains_key(role),
            };
        }
        match key {
            "toll" => self.s.toll.is_some(),
            "injured" => self.s.injured.is_some(),
            "displaced" => self.s.displaced.is_some(),
            "cases" => self.s.cases.is_some(),
            "org" | "org_e" => self.s.org.is_some(),
            "ngo" | "ngo_de" | "ngo_e" => self.s.ngo.is_some(),
            "treaty" | "treaty_de" | "treaty_e" | "article_no" | "article_count" => {
                self.s.treaty.is_some()
            }
            "past_year" | "past_toll" => self.s.past_toll > 0,
            _ => true,
        }
    }

    fn can(&self, tpl: &str) -> bool {
        let mut rest = tpl;
        while let Some(i) = rest.find('{') {
            let Some(j) = rest[i..].find('}') else {
                return false;
            };
            if !self.has(&rest[i + 1..i + j]) {
                return false;
            }
            rest = &rest[i + j + 1..];
        }
        true
    }

    fn expand(&mut self, key: &str) -> (String, bool) {
        if let Some(k) = key.strip_prefix('^') {
            let (s, a) = self.expand(k);
            return (capitalize(&s), a);
        }
        let cc = self.country();
        if let Some((kind, role)) = key.split_once(':') {
            if kind == "num" {
                // One value per story and template slot: the articles of a story agree on a
                // figure unless a discrepancy is planted (and listed) for it.
                let (lo, hi) = role.split_once('-').unwrap_or((role, role));
                let (lo, hi): (u64, u64) = (lo.parse().unwrap_or(1), hi.parse().unwrap_or(9));
                let h = xxhash_rust::xxh3::xxh3_64(format!("{}:{key}", self.s.id).as_bytes());
                return ((lo + h % (hi.saturating_sub(lo) + 1)).to_string(), false);
            }
            if kind == "Q" {
                let key: &'static str = match role {
                    "art" => "art",
                    r => self
                        .s
                        .quotes
                        .keys()
                        .find(|k| **k == r)
                        .copied()
                        .unwrap_or("main"),
                };
                return (self.quote(key), false);
            }
            let pid = self.s.cast[role];
            let female = self.w.people[pid].female;
            return match kind {
                "P" => {
                    if self.introduced.contains(&pid) {
                        (self.short(pid), false)
                    } else {
                        self.intro(pid)
                    }
                }
                "S" => (self.short(pid), false),
                "N" => (self.full_name(pid), false),
                "il" => ((if female { "elle" } else { "il" }).into(), false),
                "e" => ((if female { "e" } else { "" }).into(), false),
                _ => (String::new(), false),
            };
        }
        let s = self.s;
        let v = match key {
            "date" => self.date_phrase(false),
            "date_cap" => self.date_phrase(true),
            "toll" => self.toll_phrase(),
            "injured" => format!("{} blessés", s.injured.unwrap_or(0)),
            "displaced" => thousands(s.displaced.unwrap_or(0)),
            "cases" => thousands(s.cases.unwrap_or(0)),
            "L" => s.locality.clone(),
            "T" => s.town.clone(),
            "region" => format!("la région {}", de(&s.town)),
            "de_L" => de(&s.locality),
            "de_T" => de(&s.town),
            "de_cap" => de(cc.capital),
            "dir" => s.dir.to_string(),
            "C" => {
                self.count(cc.name);
                cc.the.to_string()
            }
            "Cn" => {
                self.count(cc.name);
                cc.name.to_string()
            }
            "C_de" => {
                self.count(cc.name);
                cc.de.to_string()
            }
            "C_en" => cc.en.to_string(),
            "adj" => cc.adj.to_string(),
            "adjfp" => plural_adj(cc.adjf),
            "cap" => cc.capital.to_string(),
            "all" | "all_de" => {
                let all: Vec<usize> = std::iter::once(s.country)
                    .chain(s.partners.iter().copied())
                    .collect();
                let forms: Vec<&str> = all
                    .iter()
                    .map(|&p| {
                        if key == "all" {
                            COUNTRIES[p].the
                        } else {
                            COUNTRIES[p].de
                        }
                    })
                    .collect();
                for &p in &all {
                    self.count(COUNTRIES[p].name);
                }
                join_list(&forms)
            }
            "attackers" => s.attackers.to_string(),
            "target" => s.target.to_string(),
            "dis" => DISASTERS[s.disaster].np.to_string(),
            "dis_de" => de(DISASTERS[s.disaster].np),
            "dis_aux" => (if DISASTERS[s.disaster].plural {
                "ont"
            } else {
                "a"
            })
            .into(),
            "dis_n" => (if DISASTERS[s.disaster].plural {
                "nt"
            } else {
                ""
            })
            .into(),
            "dis_agr" => {
                let d = &DISASTERS[s.disaster];
                format!(
                    "{}{}",
                    if d.fem { "e" } else { "" },
                    if d.plural { "s" } else { "" }
                )
            }
            "disease" => s.disease.to_string(),
            "amount" => s.amount.clone(),
            "project" => s.project.to_string(),
            "org" => self.org_ref(s.org.unwrap_or(0), ""),
            "org_e" => (if self.w.orgs[s.org.unwrap_or(0)].fem {
                "e"
            } else {
                ""
            })
            .into(),
            "ngo" => self.org_ref(s.ngo.unwrap_or(0), ""),
            "ngo_de" => self.org_ref(s.ngo.unwrap_or(0), "de"),
            "ngo_e" => (if self.w.orgs[s.ngo.unwrap_or(0)].fem {
                "e"
            } else {
                ""
            })
            .into(),
            "treaty" => self.treaty_ref(""),
            "treaty_de" => self.treaty_ref("de"),
            "treaty_e" => {
                let fem = match self.plant {
                    Some(Plant::Treaty(_, f)) => *f,
                    _ => s.treaty.as_ref().is_some_and(|t| TREATY_HEADS[t.head].1),
                };
                (if fem { "e" } else { "" }).into()
            }
            "article_no" => s.article_no.to_string(),
            "article_count" => s.article_count.to_string(),
            "past_year" => s.past_year.to_string(),
            "past_toll" => s.past_toll.to_string(),
            _ => format!("{{{key}}}"),
        };
        (v, false)
    }

    fn render(&mut self, tpl: &str) -> String {
        let mut out = String::with_capacity(tpl.len() + 128);
        let mut rest = tpl;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let j = rest[i..].find('}').map_or(rest.len(), |j| i + j);
            let key = &rest[i + 1..j];
            let (val, appos) = self.expand(key);
            out.push_str(&val);
            rest = &rest[(j + 1).min(rest.len())..];
            // An apposition before a verb closes with a comma.
            if appos && rest.starts_with(' ') && rest[1..].starts_with(|c: char| c.is_lowercase()) {
                out.push(',');
            }
        }
        out.push_str(rest);
        out
    }
}

fn thousands(n: u32) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn join_list(xs: &[&str]) -> String {
    match xs {
        [] => String::new(),
        [a] => a.to_string(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

// ------------------------------------------------------------------------------------- generator

struct Entry {
    id: String,
    kinds: &'static [&'static str],
    subject: String,
    explain: String,
    /// 1 for a fact the whole archive shares (a minister's name or office, a regional body's
    /// acronym): the other side may be cited from any story.
    min_covered: u32,
    evidence: Vec<(String, String, bool)>,
}

struct Gen {
    seed: u64,
    error_rate: f64,
    w: World,
    counts: BTreeMap<String, u64>,
    entries: Vec<Entry>,
}

impl Gen {
    fn plan(&mut self, id: usize) -> Story {
        let mut rng = Rng::new(mix(self.seed, id as u64 + 1));
        let kind = match rng.below(20) {
            0..=5 => Kind::Attack,
            6..=9 => Kind::Summit,
            10..=13 => Kind::Disaster,
            14..=16 => Kind::Finance,
            _ => Kind::Epidemic,
        };
        let hosts: Vec<usize> = (0..COUNTRIES.len())
            .filter(|&c| COUNTRIES[c].host)
            .collect();
        let country = *rng.pick(&hosts);
        let cc = &COUNTRIES[country];
        let region = cc.region;
        let town_i = rng.below(cc.towns.len());
        let town = cc.towns[town_i].to_string();
        let locality = self.w.new_place(&mut rng);
        let n = 3 + rng.below(5);
        // 2024-01-01 .. 2025-12-20
        let event_day = days_from_civil(2024, 1, 1) + rng.below(720) as i64;
        let mut offsets: Vec<i64> = (0..n).map(|_| rng.below(5) as i64).collect();
        offsets.sort_unstable();
        offsets[0] = offsets[0].min(1);
        let days: Vec<i64> = offsets.iter().map(|o| event_day + o).collect();
        let outlets: Vec<usize> = (0..n).map(|_| rng.below(OUTLETS.len())).collect();

        let mut cast: BTreeMap<&'static str, usize> = BTreeMap::new();
        let gov = &self.w.govs[country];
        cast.insert("pres", gov.president);
        cast.insert("pm", gov.pm);
        let pres = gov.president;
        let others: Vec<usize> = gov
            .ministers
            .iter()
            .filter(|m| m.0 > HUM)
            .map(|m| m.1)
            .collect();
        cast.insert("min3", *rng.pick(&others));
        let mut partners = Vec::new();
        let mut org = None;
        let mut ngo = None;
        let mut treaty = None;
        let mut toll = None;
        let mut injured = None;
        let mut displaced = None;
        let mut cases = None;
        let mut summit_town: Option<String> = None;
        let same_region: Vec<usize> = hosts
            .iter()
            .copied()
            .filter(|&c| c != country && COUNTRIES[c].region == region)
            .collect();
        let w = &mut self.w;
        let local =
            |w: &mut World, rng: &mut Rng, office: Office| w.new_person(rng, region, office, None);
        let pick_org = |w: &World, rng: &mut Rng| *rng.pick(&w.region_orgs[region.min(4)]);
        match kind {
            Kind::Attack => {
                cast.insert("main", w.minister(country, DEF));
                cast.insert("army", w.govs[country].army);
                let r = rng.below(RANKS.len());
                let col = w.new_person(&mut rng, region, Office::Officer(country, r), Some(false));
                cast.insert("col", col);
                cast.insert("gov", local(w, &mut rng, Office::Governor(country, town_i)));
                let occ = rng.below(OCCUPATIONS.len());
                let age = rng.range(22, 70);
                cast.insert("wit", local(w, &mut rng, Office::Witness(occ, age)));
                let o = w.new_local_org(&mut rng, &town);
                ngo = Some(o);
                cast.insert("ngo", local(w, &mut rng, Office::NgoHead(o)));
                let inst = rng.below(INSTITUTES.len());
                cast.insert("res", local(w, &mut rng, Office::Researcher(inst, country)));
                let o = pick_org(w, &mut rng);
                org = Some(o);
                cast.insert("dir", w.director(&mut rng, o, region));
                let t = rng.range(5, 120);
                toll = Some(t);
                injured = Some(rng.range(t / 3 + 1, t + 20));
                displaced = Some(rng.range(5, 90) * 100);
            }
            Kind::Summit => {
                let k = 1 + rng.below(2);
                let mut pool = same_region.clone();
                if pool.len() < k {
                    pool = hosts.iter().copied().filter(|&c| c != country).collect();
                }
                rng.shuffle(&mut pool);
                partners = pool.into_iter().take(k).collect();
                cast.insert("main", pres);
                cast.insert("fm", w.minister(country, AE));
                cast.insert("p2", w.govs[partners[0]].president);
                let far: Vec<usize> = (0..COUNTRIES.len())
                    .filter(|&c| COUNTRIES[c].region == 5)
                    .collect();
                let from = *rng.pick(&far);
                cast.insert("amb", w.ambassador(&mut rng, from, country));
                let inst = rng.below(INSTITUTES.len());
                cast.insert("res", local(w, &mut rng, Office::Researcher(inst, country)));
                let o = w.new_local_org(&mut rng, &town);
                cast.insert("ngo", local(w, &mut rng, Office::NgoHead(o)));
                // The treaty is named after a place that names no other treaty.
                let mut place = String::new();
                let mut towns: Vec<&str> = cc.towns.to_vec();
                towns.push(cc.capital);
                rng.shuffle(&mut towns);
                for t in towns {
                    if w.treaty_places.insert(t.to_string()) {
                        place = t.to_string();
                        break;
                    }
                }
                if place.is_empty() {
                    place = w.new_place(&mut rng);
                    w.treaty_places.insert(place.clone());
                } else {
                    summit_town = Some(place.clone());
                }
                let created = w.new_treaty_org(&mut rng, region, &place);
                ngo = Some(created);
                treaty = Some(Treaty {
                    head: rng.below(TREATY_HEADS.len()),
                    place,
                    topic: rng.word(TREATY_TOPICS),
                });
            }
            Kind::Disaster => {
                cast.insert(
                    "main",
                    w.minister(country, if rng.chance(0.5) { INT } else { HUM }),
                );
                cast.insert("min2", w.minister(country, SANTE));
                if rng.chance(0.5) {
                    cast.insert("gov", local(w, &mut rng, Office::Governor(country, town_i)));
                } else {
                    cast.insert("gov", local(w, &mut rng, Office::Mayor(country, town_i)));
                }
                let occ = rng.below(OCCUPATIONS.len());
                let age = rng.range(22, 70);
                cast.insert("wit", local(w, &mut rng, Office::Witness(occ, age)));
                let o = w.new_local_org(&mut rng, &town);
                cast.insert("ngo", local(w, &mut rng, Office::NgoHead(o)));
                ngo = Some(o);
                let o = pick_org(w, &mut rng);
                org = Some(o);
                cast.insert("dir", w.director(&mut rng, o, region));
                let t = rng.range(4, 150);
                toll = Some(t);
                injured = Some(rng.range(t / 2 + 1, t * 2 + 10));
                displaced = Some(rng.range(10, 300) * 100);
            }
            Kind::Finance => {
                cast.insert("main", w.minister(country, ECO));
                let sector: Vec<usize> = w.govs[country]
                    .ministers
                    .iter()
                    .filter(|m| [8, 10, 11, 20, 23].contains(&m.0))
                    .map(|m| m.1)
                    .collect();
                cast.insert(
                    "min2",
                    if sector.is_empty() {
                        w.minister(country, INT)
                    } else {
                        *rng.pick(&sector)
                    },
                );
                cast.insert("gov", local(w, &mut rng, Office::Governor(country, town_i)));
                let inst = rng.below(INSTITUTES.len());
                cast.insert("res", local(w, &mut rng, Office::Researcher(inst, country)));
                let o = w.region_orgs[region.min(4)][0];
                org = Some(o);
                cast.insert("dir", w.director(&mut rng, o, region));
            }
            Kind::Epidemic => {
                cast.insert("main", w.minister(country, SANTE));
                cast.insert("doc", local(w, &mut rng, Office::Doctor(country, town_i)));
                let occ = rng.below(OCCUPATIONS.len());
                let age = rng.range(22, 70);
                cast.insert("wit", local(w, &mut rng, Office::Witness(occ, age)));
                cast.insert("gov", local(w, &mut rng, Office::Governor(country, town_i)));
                let o = pick_org(w, &mut rng);
                org = Some(o);
                cast.insert("dir", w.director(&mut rng, o, region));
                let t = rng.range(3, 90);
                toll = Some(t);
                cases = Some(rng.range(t * 5, t * 40 + 100));
            }
        }
        // A story never names two people with one surname (a lone "M. Diallo" must be clear).
        let mut seen = HashSet::new();
        let keys: Vec<&'static str> = cast.keys().copied().collect();
        for key in keys {
            let pid = cast[key];
            if !seen.insert(fold(&w.people[pid].surname)) && !["main", "pres", "pm"].contains(&key)
            {
                cast.remove(key);
            }
        }

        let mut places = vec![
            de(&locality),
            format!("de la région {}", de(&town)),
            cc.de.to_string(),
            format!("à {locality}"),
            format!("dans la région {}", de(&town)),
            "de nos pays".to_string(),
            "de nos concitoyens".to_string(),
        ];
        if let Some(o) = org {
            places.push(format!("de l'{}", w.orgs[o].acr));
        }
        let slots = QuoteSlots { places };
        let mut quotes = BTreeMap::new();
        for key in [
            "main", "col", "gov", "wit", "ngo", "res", "fm", "p2", "dir", "doc", "min2",
        ] {
            if cast.contains_key(key) {
                quotes.insert(key, make_quote(&mut rng, &slots));
            }
        }
        if treaty.is_some() {
            quotes.insert("art", make_article_quote(&mut rng, &slots));
        }
        let toll_vague: Vec<bool> = (0..n).map(|_| rng.chance(0.3)).collect();
        let amount = match rng.below(3) {
            0 => format!("{} milliards de francs CFA", rng.range(5, 250)),
            1 => format!("{} millions d'euros", rng.range(10, 400)),
            _ => format!("{} millions de dollars", rng.range(10, 500)),
        };
        let past_toll = if kind == Kind::Attack && rng.chance(0.3) {
            rng.range(3, 60)
        } else {
            0
        };
        let town = summit_town.unwrap_or(town);
        let mut story = Story {
            id,
            kind,
            country,
            partners,
            town,
            locality,
            dir: rng.word(DIRECTIONS),
            event_day,
            days,
            outlets,
            toll,
            toll_vague,
            injured,
            displaced,
            cases,
            cast,
            quotes,
            org,
            ngo,
            treaty,
            article_no: rng.range(2, 12),
            article_count: rng.range(14, 40),
            attackers: rng.word(ATTACKERS),
            target: rng.word(TARGETS),
            disaster: rng.below(DISASTERS.len()),
            disease: rng.word(DISEASES),
            amount,
            project: rng.word(PROJECTS),
            past_year: civil_from_days(event_day).0 - rng.range(1, 6) as i64,
            past_toll,
            plants: vec![None; n],
        };
        self.plant(&mut story, &mut rng);
        story
    }

    /// Chooses which articles carry a discrepancy, and which.
    fn plant(&mut self, s: &mut Story, rng: &mut Rng) {
        let n = s.days.len();
        let mut used: HashSet<Fact> = HashSet::new();
        for k in 0..n {
            if !rng.chance(self.error_rate) {
                continue;
            }
            let mut options: Vec<Plant> = Vec::new();
            // A minister given another portfolio.
            for role in ["main", "fm"] {
                if let Some(&pid) = s.cast.get(role)
                    && let Office::Minister(_, pf) = self.w.people[pid].office
                {
                    let mut wrong = rng.below(PORTFOLIOS.len());
                    if wrong == pf {
                        wrong = (wrong + 1 + rng.below(PORTFOLIOS.len() - 1)) % PORTFOLIOS.len();
                    }
                    options.push(Plant::Role(pid, wrong));
                }
            }
            // A misspelt name.
            let pid = s.cast["main"];
            let p = &self.w.people[pid];
            if rng.chance(0.75) {
                options.push(Plant::Name(pid, p.given.clone(), misspell(rng, &p.surname)));
            } else {
                options.push(Plant::Name(pid, misspell(rng, &p.given), p.surname.clone()));
            }
            if let Some(t) = &s.treaty {
                let (head, _, typo) = TREATY_HEADS[t.head];
                if rng.chance(0.5) {
                    options.push(Plant::Treaty(typo, TREATY_HEADS[t.head].1));
                } else {
                    let other = loop {
                        let o = rng.below(TREATY_HEADS.len());
                        if TREATY_HEADS[o].0 != head {
                            break o;
                        }
                    };
                    options.push(Plant::Treaty(TREATY_HEADS[other].0, TREATY_HEADS[other].1));
                }
            }
            for oid in [s.org, s.ngo].into_iter().flatten() {
                let acr = &self.w.orgs[oid].acr;
                if let Some(a) = self.other_acronym(rng, acr) {
                    options.push(Plant::Acronym(oid, a));
                }
            }
            for key in ["main", "art"] {
                if let Some(q) = s.quotes.get(key) {
                    let d = q.drifted(rng);
                    if d != q.text() {
                        options.push(Plant::Quote(key, d));
                    }
                }
            }
            let back = rng.range(1, 3) as i64;
            options.push(Plant::Date(s.event_day - back));
            if let Some(t) = s.toll
                && s.days[k] > s.days[0]
                && t >= 6
            {
                options.push(Plant::Toll(t - rng.range(2, t / 2)));
            }
            options.retain(|p| !used.contains(&p.fact()));
            if options.is_empty() {
                continue;
            }
            let p = options.swap_remove(rng.below(options.len()));
            used.insert(p.fact());
            s.plants[k] = Some(p);
        }
    }

    fn other_acronym(&self, rng: &mut Rng, acr: &str) -> Option<String> {
        for _ in 0..20 {
            let mut c: Vec<char> = acr.chars().collect();
            match rng.below(3) {
                0 if c.len() > 3 => {
                    let i = 1 + rng.below(c.len() - 1);
                    c.remove(i);
                }
                1 => {
                    let i = rng.below(c.len() - 1);
                    c.swap(i, i + 1);
                }
                _ => {
                    let i = 1 + rng.below(c.len());
                    let l = (b'A' + rng.below(26) as u8) as char;
                    c.insert(i.min(c.len()), l);
                }
            }
            let a: String = c.into_iter().collect();
            if a != acr && !self.w.acronyms.contains(&a) {
                return Some(a);
            }
        }
        None
    }

    fn article(&mut self, s: &Story, k: usize) -> (String, BTreeMap<Fact, String>) {
        let mut rng = Rng::new(mix(mix(self.seed, s.id as u64 + 1), k as u64 + 1000));
        let target = 2000 + rng.below(4000);
        let plant = s.plants[k].as_ref();
        let mut art = Art {
            w: &self.w,
            s,
            k,
            plant,
            rng: Rng::new(mix(rng.next_u64(), 7)),
            introduced: HashSet::new(),
            org_introduced: HashSet::new(),
            treaty_introduced: false,
            evidence: BTreeMap::new(),
            counts: &mut self.counts,
        };
        let (leads, titles, extras): (&[&str], &[&str], &[&str]) = match s.kind {
            Kind::Attack => (LEAD_ATTACK, TITLE_ATTACK, EXTRA_ATTACK),
            Kind::Summit => (LEAD_SUMMIT, TITLE_SUMMIT, EXTRA_SUMMIT),
            Kind::Disaster => (LEAD_DISASTER, TITLE_DISASTER, EXTRA_DISASTER),
            Kind::Finance => (LEAD_FINANCE, TITLE_FINANCE, EXTRA_FINANCE),
            Kind::Epidemic => (LEAD_EPIDEMIC, TITLE_EPIDEMIC, EXTRA_EPIDEMIC),
        };
        let title_tpl = *rng.pick(titles);
        let title = art.render(title_tpl).replace('"', "'");
        let mut paras: Vec<String> = Vec::new();
        let lead = *rng.pick(leads);
        paras.push(art.render(lead));
        // The core: the main official and their words, then the treaty or the organisation.
        if s.kind == Kind::Summit {
            let off = if rng.chance(0.5) {
                *rng.pick(OFFICIAL_SUMMIT)
            } else {
                rng.word(OFFICIAL)
            };
            paras.push(art.render(off));
            let tp: Vec<&str> = TREATY_PAR.iter().copied().filter(|t| art.can(t)).collect();
            paras.push(art.render(rng.word(&tp)));
            if art.can(FM_PAR[0]) {
                paras.push(art.render(rng.word(FM_PAR)));
            }
        } else {
            paras.push(art.render(rng.word(OFFICIAL)));
            if s.org.is_some() && art.can(ORG_PAR[0]) {
                paras.push(art.render(rng.word(ORG_PAR)));
            }
        }
        let mut pool: Vec<&str> = extras.iter().copied().filter(|t| art.can(t)).collect();
        rng.shuffle(&mut pool);
        let mut bg: Vec<&str> = BACKGROUND.iter().copied().filter(|t| art.can(t)).collect();
        rng.shuffle(&mut bg);
        let header_len = 80 + title.len();
        let mut size = header_len + paras.iter().map(|p| p.len() + 2).sum::<usize>();
        for tpl in pool.into_iter().chain(bg) {
            if size >= target {
                break;
            }
            let before = art.snapshot();
            let p = art.render(tpl);
            if size + p.len() > 5800 {
                art.restore(before);
                continue;
            }
            size += p.len() + 2;
            paras.push(p);
            if rng.chance(0.08) {
                paras.push(rng.pick(SUBHEADS).to_string());
            }
        }
        if size < 2100 {
            // Rare short articles: a second pass over the background with new numbers.
            for tpl in BACKGROUND {
                if size >= 2100 {
                    break;
                }
                if !art.can(tpl) || tpl.contains("{^P") || tpl.contains("{P") || tpl.contains("{N")
                {
                    continue;
                }
                let p = art.render(tpl);
                size += p.len() + 2;
                paras.push(p);
            }
        }
        paras.push(rng.pick(CLOSING).to_string());
        let (outlet, wire) = OUTLETS[s.outlets[k]];
        let cc = &COUNTRIES[s.country];
        if wire {
            let d = s.days[k];
            let (y, _, _) = civil_from_days(d);
            paras[0] = format!(
                "{}, {} {y} (Agence) – {}",
                cc.capital.to_uppercase(),
                day_month(d),
                paras[0]
            );
        }
        let mut text = String::with_capacity(size + 256);
        let _ = write!(
            text,
            "+++\ntitle = \"{}\"\ndate = {}\noutlet = \"{}\"\n+++\n\n",
            title,
            iso(s.days[k]),
            outlet
        );
        for p in &paras {
            text.push_str(p);
            text.push_str("\n\n");
        }
        text.pop();
        let evidence = std::mem::take(&mut art.evidence);
        (text, evidence)
    }

    fn record(&mut self, s: &Story, files: &[String], evidence: &[BTreeMap<Fact, String>]) {
        for (k, plant) in s.plants.iter().enumerate() {
            let Some(plant) = plant else { continue };
            let fact = plant.fact();
            let Some(text) = evidence[k].get(&fact) else {
                continue;
            };
            let mut ev = vec![(files[k].clone(), text.clone(), true)];
            for (j, e) in evidence.iter().enumerate() {
                if j != k
                    && let Some(t) = e.get(&fact)
                {
                    ev.push((files[j].clone(), t.clone(), false));
                }
            }
            if ev.len() < 2 {
                continue;
            }
            let w = &self.w;
            let name = |pid: usize| format!("{} {}", w.people[pid].given, w.people[pid].surname);
            let treaty_name = || {
                s.treaty.as_ref().map_or(String::new(), |t| {
                    format!("{} de {}", TREATY_HEADS[t.head].0, t.place)
                })
            };
            let (kinds, subject, explain, tag): (&'static [&'static str], String, String, &str) =
                match plant {
                    Plant::Role(pid, wrong) => (
                        &["role"],
                        name(*pid),
                        format!(
                            "One article makes {} minister {}; the rest of the story (and the archive) gives another portfolio.",
                            name(*pid),
                            PORTFOLIOS[*wrong]
                        ),
                        "role",
                    ),
                    Plant::Name(pid, g, sn) => (
                        &["name-variant"],
                        name(*pid),
                        format!("'{g} {sn}' misspells {}.", name(*pid)),
                        "name",
                    ),
                    Plant::Treaty(h, _) => (
                        &["title-variant"],
                        treaty_name(),
                        format!("One article calls the {} a '{h}'.", treaty_name()),
                        "treaty",
                    ),
                    Plant::Acronym(o, a) => (
                        &["acronym", "title-variant"],
                        w.orgs[*o].name.clone(),
                        format!(
                            "The acronym is {} elsewhere; one article writes {a}.",
                            w.orgs[*o].acr
                        ),
                        "acronym",
                    ),
                    Plant::Quote(key, _) => (
                        &["quote-drift"],
                        if *key == "art" {
                            format!("{}, article {}", treaty_name(), s.article_no)
                        } else {
                            name(s.cast["main"])
                        },
                        "The same quotation with one or two words changed.".to_string(),
                        "quote",
                    ),
                    Plant::Date(d) => (
                        &["date"],
                        String::new(),
                        format!(
                            "The event happened on {}; one article dates it {}.",
                            iso(s.event_day),
                            iso(*d)
                        ),
                        "date",
                    ),
                    Plant::Toll(t) => (
                        &["number"],
                        String::new(),
                        format!(
                            "The toll is {} in the story's earlier articles; its latest article gives {t}.",
                            s.toll.unwrap_or(0)
                        ),
                        "toll",
                    ),
                };
            let archive_wide = match plant {
                Plant::Role(..) | Plant::Name(..) => true,
                Plant::Acronym(o, _) => w.region_orgs.iter().any(|r| r.contains(o)),
                _ => false,
            };
            self.entries.push(Entry {
                id: format!("s{:05}-{k}-{tag}", s.id),
                kinds,
                subject,
                explain,
                min_covered: if archive_wide { 1 } else { 2 },
                evidence: ev,
            });
        }
    }
}

fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Args {
    mb: f64,
    out: PathBuf,
    seed: u64,
    error_rate: f64,
    gazetteer: Option<PathBuf>,
}

fn usage() -> ! {
    eprintln!("usage: gen_corpus --mb N OUT_DIR [--seed N] [--error-rate 0.05] [--gazetteer FILE]");
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut mb = None;
    let mut out = None;
    let mut seed = 42;
    let mut error_rate = 0.05;
    let mut gazetteer = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = || it.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--mb" => mb = val().parse().ok(),
            "--seed" => seed = val().parse().unwrap_or_else(|_| usage()),
            "--error-rate" => error_rate = val().parse().unwrap_or_else(|_| usage()),
            "--gazetteer" => gazetteer = Some(PathBuf::from(val())),
            "-h" | "--help" => usage(),
            s if s.starts_with('-') => usage(),
            s => out = Some(PathBuf::from(s)),
        }
    }
    match (mb, out) {
        (Some(mb), Some(out)) if mb > 0.0 && (0.0..=1.0).contains(&error_rate) => Args {
            mb,
            out,
            seed,
            error_rate,
            gazetteer,
        },
        _ => usage(),
    }
}

fn write_file(path: &Path, text: &str) {
    if let Err(e) = std::fs::write(path, text) {
        eprintln!("gen_corpus: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}

/// What a run produced besides the articles.
pub struct Summary {
    pub articles: usize,
    pub stories: usize,
    pub bytes: usize,
    /// The answer key (`planted.toml`).
    pub key: String,
    /// The 50 names and terms mentioned most, most frequent first.
    pub gazetteer: Vec<String>,
    pub report: String,
}

/// Writes whole stories until `bytes` bytes of articles are made, handing each article's path
/// (relative to the corpus folder) and text to `sink`, in order.
pub fn generate(
    bytes: usize,
    seed: u64,
    error_rate: f64,
    mut sink: impl FnMut(&str, &str),
) -> Summary {
    let mut world_rng = Rng::new(mix(seed, 0));
    let mut g = Gen {
        seed,
        error_rate,
        w: World::new(&mut world_rng),
        counts: BTreeMap::new(),
        entries: Vec::new(),
    };
    let (mut total, mut n_articles, mut story_id) = (0usize, 0usize, 0usize);
    while total < bytes {
        let story = g.plan(story_id);
        let mut files = Vec::new();
        let mut evidence = Vec::new();
        for k in 0..story.days.len() {
            let (text, ev) = g.article(&story, k);
            let rel = format!("{:03}/s{:05}-{k}.md", n_articles / 1000, story.id);
            sink(&rel, &text);
            total += text.len();
            n_articles += 1;
            files.push(rel);
            evidence.push(ev);
        }
        g.record(&story, &files, &evidence);
        story_id += 1;
    }

    let mut key = String::new();
    let _ = writeln!(
        key,
        "# Discrepancies planted by `cargo run --release --example gen_corpus -- --mb {} OUT --seed {seed} --error-rate {error_rate}`.\n\
         # {n_articles} articles in {story_id} stories, {total} bytes. Same format and matching rules as\n\
         # shared/eval/seed-answers.toml; files are relative to the corpus folder. Score with\n\
         #   python3 shared/eval/score.py OUT/planted.toml findings.json --corpus OUT\n",
        bytes as f64 / 1e6
    );
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &g.entries {
        *by_kind.entry(e.kinds[0]).or_default() += 1;
        let _ = writeln!(key, "[[finding]]\nid = {}", toml_str(&e.id));
        let kinds: Vec<String> = e.kinds.iter().map(|k| toml_str(k)).collect();
        let _ = writeln!(key, "kinds = [{}]", kinds.join(", "));
        if !e.subject.is_empty() {
            let _ = writeln!(key, "subject = {}", toml_str(&e.subject));
        }
        let _ = writeln!(key, "explain = {}", toml_str(&e.explain));
        if e.min_covered != 2 {
            let _ = writeln!(key, "min_covered = {}", e.min_covered);
        }
        let _ = writeln!(key, "evidence = [");
        for (f, t, req) in &e.evidence {
            let _ = writeln!(
                key,
                "  {{ file = {}, text = {}{} }},",
                toml_str(f),
                toml_str(t),
                if *req { ", required = true" } else { "" }
            );
        }
        let _ = writeln!(key, "]\n");
    }
    let mut terms: Vec<(&String, &u64)> = g
        .counts
        .iter()
        .filter(|(t, _)| t.chars().count() >= 3)
        .collect();
    terms.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let gazetteer = terms.iter().take(50).map(|(t, _)| t.to_string()).collect();
    let kinds: Vec<String> = by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let report = format!(
        "{n_articles} articles in {story_id} stories, {:.1} MB, {} people, {} organisations; {} planted ({})",
        total as f64 / 1e6,
        g.w.people.len(),
        g.w.orgs.len(),
        g.entries.len(),
        kinds.join(", ")
    );
    Summary {
        articles: n_articles,
        stories: story_id,
        bytes: total,
        key,
        gazetteer,
        report,
    }
}

fn main() {
    let args = parse_args();
    if let Err(e) = std::fs::create_dir_all(&args.out) {
        eprintln!("gen_corpus: cannot create {}: {e}", args.out.display());
        std::process::exit(1);
    }
    let mut folders: HashSet<String> = HashSet::new();
    let summary = generate(
        (args.mb * 1e6) as usize,
        args.seed,
        args.error_rate,
        |rel, text| {
            let path = args.out.join(rel);
            if let Some((folder, _)) = rel.split_once('/')
                && folders.insert(folder.to_string())
                && let Some(dir) = path.parent()
                && let Err(e) = std::fs::create_dir_all(dir)
            {
                eprintln!("gen_corpus: cannot create {}: {e}", dir.display());
                std::process::exit(1);
            }
            write_file(&path, text);
        },
    );
    write_file(&args.out.join("planted.toml"), &summary.key);
    if let Some(path) = &args.gazetteer {
        write_file(path, &(summary.gazetteer.join("\n") + "\n"));
    }
    eprintln!("gen_corpus: {}", summary.report);
}
