/**
 * Passwords that are tried first by anyone guessing: the most used German and international
 * ones, keyboard rows, and common words with the numbers and years people append. Compared in
 * lower case. Short entries are refused for their length anyway; they stay so the list reads as
 * what it is and keeps working if the minimum length ever changes.
 */

/** Used as they are. */
const LISTED = [
  // Digits and keyboard rows
  "123456", "1234567", "12345678", "123456789", "1234567890", "0123456789", "12345678910", "01234567890",
  "987654321", "0987654321", "9876543210", "111111", "1111111111", "000000", "0000000000", "123123", "123123123",
  "1231231234", "112233", "11223344", "1122334455", "121212", "12121212", "1212121212", "123321", "654321",
  "666666", "696969", "7777777", "88888888", "99999999", "1234512345", "1234554321", "1212312121", "147258369",
  "159753", "159357", "2580", "258456", "142536", "131313", "qwertz", "qwertz123", "qwertz1234", "qwertzuiop",
  "qwertzu", "qwerty", "qwerty123", "qwerty1234", "qwertyuiop", "qwertyuiop123", "asdfgh", "asdfghjk", "asdfghjkl",
  "asdfghjklö", "asdf1234", "asdfasdf", "asdfasdfasdf", "yxcvbnm", "yxcvbnm123", "zxcvbnm", "zxcvbnm123",
  "1q2w3e", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6z", "1q2w3e4r5t6y", "q1w2e3r4", "q1w2e3r4t5", "1qay2wsx",
  "1qay2wsx3edc", "1qaz2wsx", "1qaz2wsx3edc", "qay123", "qayxsw", "qaywsx", "qaywsxedc", "qazwsx", "qazwsxedc",
  "qazwsx123", "zaq12wsx", "zaq1zaq1", "!qaz2wsx", "abc123", "abc12345", "abcd1234", "abcdef", "abcdefg",
  "abcdefgh", "abcdefghi", "abcdefghij", "a1b2c3d4", "a1b2c3d4e5", "aaaaaa", "aaaaaaaaaa", "a12345678", "aa123456",

  // German
  "passwort", "passwort1", "passwort12", "passwort123", "passwort1234", "passwort12345", "passwort!", "passwort1!",
  "passwort123!", "passwortpasswort", "meinpasswort", "meinpasswort1", "neuespasswort", "neuespasswort1",
  "dasistmeinpasswort", "geheimespasswort", "kennwort", "kennwort1", "kennwort123", "kennwort1234", "meinkennwort",
  "hallo", "hallo1", "hallo12", "hallo123", "hallo1234", "hallo12345", "hallo123456", "hallohallo", "hallo!",
  "hallo123!", "halloduda", "hallowelt", "hallowelt1", "hallowelt123", "geheim", "geheim1", "geheim123", "geheim1234",
  "geheimnis", "geheimnis1", "streng geheim", "strenggeheim", "schatz", "schatz1", "schatz123", "schatzi",
  "schatzi123", "schatzilein", "mausi", "mausi123", "mausebär", "mausebaer", "hasi", "hasilein", "hase123",
  "engelchen", "engel123", "prinzessin", "prinzessin1", "schmetterling", "schmetterling1", "sonnenschein",
  "sonnenschein1", "sonnenblume", "gänseblümchen", "gaenseblumchen", "blümchen", "bluemchen", "liebe", "liebe123",
  "ichliebedich", "ichliebedich1", "ichliebedich!", "iloveyou", "iloveyou1", "lieblingsmensch", "familie",
  "familie123", "meinefamilie", "kinder", "kinder123", "mama123", "papa123", "mamapapa", "mamaundpapa", "oma123",
  "omaopa", "willkommen", "willkommen1", "willkommen123", "herzlichwillkommen", "anmelden", "anmelden123", "zugang",
  "zugang123", "zugangsdaten", "benutzer", "benutzer1", "benutzer123", "benutzername", "start", "start123",
  "start1234", "startstart", "startseite", "login", "login123", "login1234", "einloggen", "test", "test123",
  "test1234", "test12345", "testtest", "testtest123", "tester123", "versuch123", "probe123", "fussball", "fußball",
  "fussball1", "fussball123", "fußball123", "bundesliga", "bayern", "bayern1", "bayern123", "bayern1900",
  "fcbayern", "fcbayern1900", "bayernmuenchen", "bayernmünchen", "borussia", "borussia09", "bvb09", "bvb1909",
  "borussiadortmund", "schalke", "schalke04", "schalke1904", "werderbremen", "werder1899", "hsv1887",
  "eintracht", "eintrachtfrankfurt", "hertha", "herthabsc", "fckoeln", "effzeh", "deutschland", "deutschland1",
  "deutschland123", "weltmeister", "weltmeister2014", "berlin", "berlin123", "hamburg", "hamburg123", "muenchen",
  "münchen", "koeln", "köln", "frankfurt", "stuttgart", "dresden", "leipzig", "sommer", "winter", "frühling",
  "fruehling", "herbst", "weihnachten", "weihnachten1", "ostern", "urlaub", "urlaub123", "katze", "katze123",
  "katzen", "hund", "hund123", "hunde", "pferd", "pferde", "pferd123", "schnecke", "biene", "biene123", "tiger",
  "tiger123", "loewe", "löwe", "drache", "drachen", "fisch", "delfin", "delphin", "blume", "blumen", "baum",
  "sonne", "sonne123", "mond", "sterne", "himmel", "regenbogen", "zuhause", "daheim", "heimat", "arbeit",
  "arbeit123", "firma", "firma123", "büro", "buero", "buero123", "praxis", "praxis123", "salon", "salon123",
  "friseur", "friseur123", "termin", "termine", "termin123", "kunde", "kunden", "telefon", "telefon123", "askproai",
  "askproai123", "askproai2026", "verwaltung", "verwaltung1", "sekretariat", "empfang", "empfang123", "chef",
  "chef123", "chefin", "inhaber", "inhaberin", "mitarbeiter", "mitarbeiter1", "team", "team123", "teamwork",
  "computer", "computer1", "computer123", "internet", "internet1", "schule", "schule123", "gott", "gott123", "jesus",
  "jesus123", "jesuslebt", "amen", "maximilian", "alexander", "michael", "andreas", "thomas", "stefan", "christian",
  "daniel", "tobias", "sebastian", "katharina", "julia", "sabine", "andrea", "nicole", "stefanie", "melanie",
  "lisa", "laura", "anna", "marie", "sophie", "lukas", "leon", "jonas", "paul", "felix", "schnuckel", "knuddel",
  "kuschel", "kuscheltier", "teddybär", "teddybaer", "pumuckl", "schlumpf", "zauberer", "zauberwort", "bitte",
  "bitteschön", "danke", "danke123", "ficken", "scheisse", "scheiße",

  // International
  "password", "password1", "password12", "password123", "password1234", "password12345", "password!", "password1!",
  "passw0rd", "passw0rd1", "p@ssw0rd", "p@ssword", "p@ssword1", "p@ssw0rd123", "pass1234", "pass12345",
  "mypassword", "newpassword", "changeme", "changeme1", "changeme123", "letmein", "letmein1", "letmein123",
  "welcome", "welcome1", "welcome12", "welcome123", "admin", "admin1", "admin123", "admin1234", "admin12345",
  "administrator", "administrator1", "root", "root123", "toor", "master", "master123", "masterkey", "superuser",
  "trustno1", "secret", "secret1", "secret123", "iloveu", "loveyou", "lovely", "sunshine", "sunshine1",
  "princess", "princess1", "dragon", "dragon123", "monkey", "monkey123", "shadow", "shadow123", "football",
  "football1", "baseball", "basketball", "soccer", "soccer123", "superman", "superman1", "batman", "batman123",
  "spiderman", "starwars", "starwars1", "pokemon", "pokemon1", "pokemon123", "minecraft", "minecraft1",
  "minecraft123", "fortnite", "fortnite1", "whatever", "whatever1", "freedom", "freedom1", "access", "access123",
  "trustme", "qwerty1", "jennifer", "jordan23", "michael1", "charlie", "charlie1", "hunter2", "hello", "hello1",
  "hello123", "hello1234", "helloworld", "helloworld1", "helloworld123", "abc123456", "asdasd", "asdasd123",
  "zxcvbn", "google", "google123", "facebook", "facebook1", "linkedin", "instagram", "samsung", "iphone",
  "apple123", "microsoft", "windows", "windows10", "windows11", "linux123", "ubuntu", "default", "guest",
  "guest123", "user", "user123", "user1234", "login1", "test1", "demo", "demo123", "demo1234", "sample",
  "summer", "winter1", "autumn", "spring", "flower", "flowers", "butterfly", "angel", "angel1", "baby123",
  "family", "family1", "forever", "forever1", "lovelove", "mustang", "ferrari", "porsche", "porsche911",
  "mercedes", "bmw123", "audi123", "volkswagen", "matrix", "killer", "ninja", "chocolate", "cookie", "banana",
  "orange", "purple", "yellow", "qwerty12345",
] as const;

/** Words people extend with a number, a year or an exclamation mark. */
const BASES = [
  "passwort", "password", "hallo", "hello", "qwertz", "qwerty", "sommer", "summer", "winter", "herbst",
  "frühling", "fruehling", "berlin", "hamburg", "muenchen", "münchen", "koeln", "köln", "bayern", "schalke",
  "borussia", "fussball", "fußball", "football", "deutschland", "germany", "willkommen", "welcome", "schatz",
  "sonnenschein", "sunshine", "geheim", "secret", "admin", "benutzer", "test", "start", "firma", "praxis",
  "salon", "friseur", "termin", "askproai", "januar", "februar", "maerz", "märz", "april", "mai", "juni",
  "juli", "august", "september", "oktober", "november", "dezember",
] as const;

const SUFFIXES = ["1", "12", "123", "1234", "12345", "123456", "!", "1!", "123!", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027", "2020!", "2024!", "2025!", "2026!"] as const;

function build(): ReadonlySet<string> {
  const all = new Set<string>(LISTED.map((p) => p.toLowerCase()));
  for (const base of BASES) {
    all.add(base);
    for (const suffix of SUFFIXES) all.add(`${base}${suffix}`);
  }
  return all;
}

/** Every refused password, in lower case. */
export const COMMON_PASSWORDS: ReadonlySet<string> = build();
