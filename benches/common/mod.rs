//! Shared by the benchmarks: a deterministic word generator for corpora.

/// The words generated chapters are made of.
pub const WORDS: &[&str] = &[
    "Integration",
    "Teilhabe",
    "Kommune",
    "Beratung",
    "Sprache",
    "Bildung",
    "Arbeit",
    "Wohnen",
    "Gesundheit",
    "Ehrenamt",
    "Netzwerk",
    "Angebot",
    "Zielgruppe",
    "Verwaltung",
    "Kreis",
    "Familie",
    "Schule",
    "Kita",
    "und",
    "der",
    "die",
    "das",
    "mit",
    "für",
    "von",
    "im",
    "zur",
    "werden",
    "stärken",
    "fördern",
    "gemeinsam",
    "Zusammenleben",
    "Akteur*innen",
    "Menschen",
    "Zugewanderte",
    "Maßnahme",
    "Empfehlung",
    "Ziel",
    "Jahr",
];

/// A tiny deterministic generator, so every run builds the same corpus.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    /// `n` words separated by spaces.
    pub fn words(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| WORDS[self.next() % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    }
}
