// The letters of very common passwords (after src/lib/password-policy.ts has
// lower-cased them, read look-alike digits as letters and dropped the rest):
// "Password1!", "Soleil2024" and "Marseille13" all reduce to a word here.
// Drawn from the most used French, English and Arabic-transliterated
// passwords in public breach statistics (NordPass, ANSSI awareness material).
export const COMMON_PASSWORD_WORDS: ReadonlySet<string> = new Set([
  "password", "passw", "passwd", "pass", "motdepasse", "mdp", "admin", "administrator", "root", "user", "test", "guest",
  "welcome", "bienvenue", "letmein", "login", "changeme", "secret", "default", "master", "access", "ofpra", "epns",
  "azerty", "qwerty", "qwertz", "azertyuiop", "qwertyuiop", "abc", "abcd", "abcde", "abcdef", "aaa", "iloveyou", "jetaime",
  "soleil", "doudou", "loulou", "chouchou", "nicolas", "julien", "camille", "thomas", "alexandre", "marseille", "paris",
  "lyon", "france", "football", "foot", "psg", "om", "olympique", "barcelona", "realmadrid", "chelsea", "liverpool", "arsenal",
  "dragon", "monkey", "shadow", "sunshine", "princess", "superman", "batman", "pokemon", "starwars", "matrix", "ninja",
  "freedom", "whatever", "trustno", "hello", "bonjour", "salut", "coucou", "merci", "amour", "love", "lovely", "baby",
  "family", "famille", "maman", "papa", "mother", "father", "daddy", "mommy", "angel", "ange", "jesus", "allah",
  "mohamed", "mohammed", "muhammad", "ahmed", "ali", "fatima", "amina", "omar", "youssef", "yasmine", "sara", "sarah",
  "mariam", "maryam", "hamza", "karim", "rachid", "bilal", "ibrahim", "moussa", "mamadou", "aminata", "fatou", "awa",
  "afghanistan", "syria", "syrie", "soudan", "sudan", "guinee", "guinea", "congo", "bangladesh", "pakistan", "algerie",
  "maroc", "tunisie", "senegal", "mali", "cameroun", "ukraine", "russia", "georgia", "albania", "turkey", "turquie",
  "computer", "internet", "google", "facebook", "instagram", "whatsapp", "samsung", "iphone", "apple", "android",
  "michael", "jordan", "charlie", "jennifer", "jessica", "michelle", "daniel", "andrew", "joshua", "matthew", "robert",
  "summer", "winter", "spring", "autumn", "hiver", "printemps", "automne", "ete", "january", "janvier", "december",
  "chocolate", "chocolat", "cookie", "banana", "orange", "flower", "fleur", "tigger", "pepper", "ginger", "buster",
  "killer", "hunter", "ranger", "soccer", "hockey", "baseball", "tennis", "golf", "music", "musique", "money", "argent",
  "qazwsx", "zaq", "xsw", "asdf", "asdfgh", "zxcv", "zxcvbn", "wxcvbn", "qsdf", "qsdfgh", "poiuyt", "mnbvcx",
]);
