# konzept – Meldungen auf Deutsch (die führende Sprache).
#
# Jede Meldung hat eine Kennung (links vom =) und benannte Werte ({ $name }).
# en.ftl hat dieselben Kennungen mit denselben Werten (ein Test prüft das).
# Werte stehen in „…“, Gedankenstriche sind –, kein Schlusspunkt nach der
# Meldung selbst. Anzahlen wählen Einzahl oder Mehrzahl:
#   { $count -> [one] 1 Datei *[other] { $count } Dateien }

## Rahmen der Ausgabe

severity-error = Fehler
severity-warning = Warnung
hint-line = Hinweis: { $hint }
summary-problems = { $errors ->
        [one] 1 Fehler
       *[other] { $errors } Fehler
    }, { $warnings ->
        [one] 1 Warnung
       *[other] { $warnings } Warnungen
    }
untranslated = { $text }

## Häufige Hinweise

hint-did-you-mean = Meinten Sie „{ $name }“?
hint-save-utf8 = Die Datei im Editor als UTF-8 speichern („Kodierung: UTF-8“)

## Dateien lesen

file-unreadable = Die Datei kann nicht gelesen werden: { $reason }
io-not-found = Sie ist nicht vorhanden
io-permission-denied = Keine Leseberechtigung
io-is-a-folder = Das ist ein Ordner, keine Datei
io-other = { $detail }

## Kapitel: Handlungsfeld, Bilder, HTML

chapter-unknown-field-of-action = Unbekanntes Handlungsfeld „{ $id }“
hint-fields-of-action-home = Die Handlungsfelder stehen in data/handlungsfelder.yaml
image-no-alt = Das Bild „{ $src }“ hat keinen Alternativtext
hint-image-alt = Zwischen den eckigen Klammern beschreiben, was das Bild zeigt, z. B. „![Zeitleiste des Beteiligungsprozesses](bild.svg)“
image-missing = Das Bild „{ $src }“ gibt es nicht
hint-image-looked-for = Der Pfad gilt ab dem Ordner des Kapitels; gesucht wurde { $path }
image-wrong-format = Das Bild „{ $src }“ ist weder SVG noch PNG noch JPEG
hint-image-save-as = Das Bild als SVG, PNG oder JPEG speichern – andere Formate können die PDFs nicht einbetten
image-svg-unusable = Das SVG-Bild „{ $src }“ ist nicht verwendbar: { $reason }
hint-svg-save-again = Das Bild in einem Zeichenprogramm öffnen und erneut als einfaches SVG speichern
image-remote = Das Bild „{ $src }“ liegt auf einem anderen Server
hint-image-remote = Das Bild im Projekt neben dem Kapitel speichern, damit Website und PDFs es verwenden können
raw-html-cleaned = HTML im Text wird entfernt oder bereinigt
hint-raw-html = Stattdessen Markdown schreiben; „allow_html = true“ in book.toml lässt mehr Elemente zu (Videos, eingebettete Seiten) und schaltet diese Warnung ab – Skripte aber nie
in-text-of = { $message } (im Text von „{ $id }“)

## SVG-Bilder

svg-compressed = Die Datei ist komprimiert (SVGZ); bitte als einfaches SVG speichern
svg-not-utf8 = Die Datei ist kein UTF-8-Text und damit kein SVG
svg-not-xml = Die Datei ist kein wohlgeformtes XML: { $detail }
svg-wrong-root = Das oberste Element der Datei ist „<{ $element }>“, nicht „<svg>“
svg-unreadable = Die Zeichnung lässt sich nicht lesen: { $detail }

## Links

link-unknown-kind = Unbekannte Linkart „{ $prefix }:“
hint-link-kind-did-you-mean = Meinten Sie „{ $name }:“? Linkarten: { $kinds }
hint-link-kinds = Linkarten: { $kinds }
link-target-missing = Das Linkziel „{ $dest }“ gibt es nicht
hint-no-record-with-id = { $kind ->
        [empfehlung] Keine Empfehlung
        [massnahme] Keine Maßnahme
        [kommune] Keine Kommune
        [handlungsfeld] Kein Handlungsfeld
        [zielgruppe] Keine Zielgruppe
        [indikator] Kein Indikator
        [kapitel] Kein Kapitel
       *[other] Kein Eintrag
    } hat die Kennung „{ $id }“
link-chapter-no-heading = Das Kapitel „{ $chapter }“ hat keine Überschrift „#{ $anchor }“
hint-heading-id = Auf eine Überschrift über ihre Kennung verlinken; eine Kennung bekommt sie so: „## Ziele {"{"}#ziele{"}"}“
link-no-heading-here = Dieses Kapitel hat keine Überschrift „#{ $anchor }“
hint-heading-id-or-link = Der Überschrift eine Kennung geben („## Ziele {"{"}#ziele{"}"}“) oder den Link korrigieren
hint-link-forms = Kapitel verlinkt man mit „kapitel:slug“, Einträge z. B. mit „empfehlung:SB-1“; Dateipfade gelten ab dem Ordner des Kapitels

## Listen-Blöcke (```konzept)

listing-empty = Der Listen-Block ist leer
listing-unknown = Unbekannte Liste „{ $call }“
listing-expected-pair = Erwartet wird „name=wert“, gefunden wurde „{ $found }“
listing-unknown-argument = Die Liste „{ $call }“ kennt keine Angabe „{ $name }“
listing-names-nothing = „{ $name }={ $value }“ nennt nichts, was es gibt
hint-listing-spelling = Die Schreibweise von „{ $value }“ mit den Kennungen in data/ vergleichen
hint-listing-one-call = Ein Aufruf pro Block, z. B. „empfehlungen handlungsfeld=sprache-bildung“

## konzept serve: Fehleranzeige im Browser

serve-errors-title = Die Quellen enthalten Fehler
serve-errors-note = Die Seite zeigt den letzten fehlerfreien Stand. Sobald die Fehler behoben sind, verschwindet dieser Hinweis.
serve-pdf-building = PDF wird neu erstellt …
serve-pdf-ready = PDF ist aktuell
serve-pdf-failed = PDF konnte nicht erstellt werden

## YAML-Dateien

yaml-unknown-field = Unbekanntes Feld „{ $field }“

## Befehlszeile: Statuszeilen

cli-not-a-date = „{ $value }“ ist kein Datum wie „2025-02-17“
build-failed = { $summary }; es wurde nichts geschrieben
build-done = Website mit { $pages ->
        [one] 1 Seite
       *[other] { $pages } Seiten
    } ({ $files ->
        [one] 1 Datei
       *[other] { $files } Dateien
    }) in { $seconds } s nach { $out } geschrieben
init-done = Neues Projekt in { $dir } angelegt ({ $files ->
        [one] 1 Datei
       *[other] { $files } Dateien
    })
init-next = Weiter mit: cd { $dir } && konzept serve --open
new-created = { $file } angelegt („{ $id }“)
new-added = „{ $id }“ in { $file }:{ $line } hinzugefügt
yaml-expected-found = Erwartet wird { $expected ->
        [integer] eine ganze Zahl
        [number] eine Zahl
        [list] eine Liste („[a, b]“ oder Zeilen, die mit „- “ beginnen)
        [text] ein Text
        [boolean] „true“ (ja) oder „false“ (nein)
        [fields] eine Reihe von Feldern (Zeilen „name: wert“)
       *[other] ein anderer Wert
    }, gefunden wurde „{ $found }“
yaml-expected-kind = Erwartet wird { $expected ->
        [integer] eine ganze Zahl
        [number] eine Zahl
        [list] eine Liste („[a, b]“ oder Zeilen, die mit „- “ beginnen)
        [text] ein Text
        [boolean] „true“ (ja) oder „false“ (nein)
        [fields] eine Reihe von Feldern (Zeilen „name: wert“)
       *[other] ein anderer Wert
    }, gefunden wurde etwas anderes ({ $kind })
hint-digits-only = Nur Ziffern schreiben, ohne Punkte oder Leerzeichen
hint-field-did-you-mean = Meinten Sie „{ $name }“? Felder hier: { $fields }
hint-fields-here = Felder hier: { $fields }
yaml-missing-field = Das Pflichtfeld „{ $field }“ fehlt
hint-add-field = „{ $field }:“ in diesem Eintrag ergänzen
yaml-value-not-allowed = „{ $value }“ ist hier kein erlaubter Wert
hint-value-did-you-mean = Meinten Sie „{ $name }“? Erlaubt: { $allowed }
hint-allowed-values = Erlaubte Werte: { $allowed }
yaml-expected-boolean = Erwartet wird „true“ (ja) oder „false“ (nein)
hint-boolean = „true“ oder „false“ schreiben; „ja“, „nein“, „yes“ und „no“ gelten nicht
yaml-duplicate-key = Das Feld „{ $field }“ steht zweimal da
hint-remove-one-line = Eine der beiden Zeilen löschen
yaml-invalid = Das ist kein gültiges YAML: { $detail }
hint-yaml-invalid = Die Einrückung prüfen, und dass Text mit „: “ oder mit einem Sonderzeichen am Anfang in geraden Anführungszeichen "…" steht
hint-typographic-quotes = Typografische Anführungszeichen „…“ sind für YAML Text, keine Anführungszeichen: den ganzen Wert in gerade doppelte Anführungszeichen setzen, z. B. „{ $example }“

## Unsichtbare Zeichen und eingefügter Text

invisible-char = { $kind ->
        [nbsp] Ein geschütztes Leerzeichen
        [narrow-nbsp] Ein schmales geschütztes Leerzeichen
        [typographic-space] Ein typografisches Leerzeichen
        [zwsp] Ein Leerzeichen ohne Breite
        [zwnj] Ein unsichtbarer Bindungsverhinderer
        [zwj] Ein unsichtbarer Verbinder
        [word-joiner] Ein unsichtbarer Wortverbinder
        [bom] Eine Byte-Order-Markierung (BOM)
        [tab] Ein Tabulator
       *[other] Ein unsichtbares Zeichen
    } (U+{ $code }) { $place ->
        [indent] in der Einrückung
        [dash] nach dem Listenstrich „-“
        [key] im Feldnamen
       *[colon] nach dem Doppelpunkt
    }
invisible-label = { $kind ->
        [nbsp] geschütztes Leerzeichen
        [narrow-nbsp] schmales geschütztes Leerzeichen
        [typographic-space] typografisches Leerzeichen
        [zwsp] Leerzeichen ohne Breite
        [zwnj] unsichtbarer Bindungsverhinderer
        [zwj] unsichtbarer Verbinder
        [word-joiner] unsichtbarer Wortverbinder
        [bom] Byte-Order-Markierung
        [tab] Tabulator
       *[other] unsichtbares Zeichen
    }
hint-tab-in-yaml = YAML wird nur mit Leerzeichen eingerückt: den Tabulator durch Leerzeichen ersetzen
hint-invisible-replace = Durch ein normales Leerzeichen ersetzen – solche Zeichen kommen oft beim Kopieren aus Word oder von Webseiten mit
yaml-comment-cuts = „{ $lost }“ gilt in YAML als Kommentar und fehlt im Text
label-left-out = fehlt im Text
hint-quote-whole-value = Den ganzen Wert in gerade doppelte Anführungszeichen setzen: „{ $example }“
word-bullet = Ein Aufzählungszeichen „{ $bullet }“ aus einer Textverarbeitung
label-not-a-list = keine Markdown-Liste
hint-word-bullet = Listenpunkte mit „- “ statt „{ $bullet }“ beginnen, einer pro Zeile, mit einer Leerzeile vor der Liste
image-path-space = Dieses Bild wird nicht angezeigt: sein Pfad enthält ein Leerzeichen
label-path-space = Pfad mit Leerzeichen
hint-path-space = Den Pfad in spitze Klammern setzen, „(<{ $path }>)“, oder die Datei ohne Leerzeichen umbenennen
hint-path-read-as = Gelesen wird der Pfad als „{ $path }“
placeholder-left = Hier steht noch ein Platzhalter: „{ $text }“
label-placeholder = Platzhalter
hint-placeholder = Durch den richtigen Text ersetzen – Website und PDFs würden ihn sonst so drucken

## Kapitel und Dateien

content-missing = Der Ordner „content/“ fehlt
hint-content-missing = Die Kapitel sind Markdown-Dateien im Ordner content/
chapter-slug-twice = Zwei Kapitel haben den Kurznamen „{ $slug }“
hint-chapter-slug-twice = Das andere ist { $other }; eine der beiden Dateien umbenennen
special-page-twice = Eine zweite Seite dieser Art
hint-special-page-twice = { $other } ist schon diese Seite; eine Veröffentlichung hat jede besondere Seite nur einmal
file-is-a-part = Diese Datei beschreibt einen Teil, kein Kapitel
file-not-utf8 = Die Datei ist kein UTF-8-Text
file-name-not-slug = Der Dateiname „{ $name }“ kann nicht in einer Webadresse stehen
hint-slug-example = Kleinbuchstaben, Ziffern und Bindestriche verwenden, z. B. „{ $example }“
frontmatter-missing = Das Kapitel beginnt nicht mit einem Kopfbereich (Front Matter)
hint-frontmatter-missing = Die Datei mit einer Zeile „---“ beginnen, dann „title: …“, dann wieder eine Zeile „---“
frontmatter-not-closed = Der Kopfbereich (Front Matter) ist nicht abgeschlossen
label-opened-here = hier geöffnet
hint-frontmatter-not-closed = Nach dem letzten Feld des Kopfbereichs („title:“, „summary:“ …) eine Zeile „---“ einfügen
data-file-missing = „{ $file }“ fehlt
hint-data-file-missing = Jede Veröffentlichung braucht diese Datei; „konzept init“ zeigt, wie sie aussieht
path-outside = „{ $path }“ führt aus dem Projekt hinaus (nach „{ $target }“)
hint-path-outside = konzept liest nur Dateien im Projektordner; statt einer Verknüpfung eine Kopie der Datei hierher legen

## book.toml

config-unreadable = book.toml kann nicht gelesen werden: { $reason }
hint-config-unreadable = Jedes konzept-Projekt hat eine book.toml in seinem obersten Ordner; „konzept init ORDNER“ legt eine an
config-not-a-date = „{ $key }“ muss ein Datum wie „{ $example }“ sein, gefunden wurde „{ $found }“
hint-date-order = Das Datum als Jahr-Monat-Tag schreiben
config-folder-outside = „{ $key }“ muss ein Ordner im Projekt sein, gefunden wurde „{ $found }“
hint-folder-relative = Einen relativen Namen wie „{ $example }“ verwenden oder beim Aufruf „{ $option } ORDNER“ angeben
config-theme-name = „theme“ muss der Name eines Themes sein, gefunden wurde „{ $found }“
hint-theme-name = „default“ schreiben oder den Namen eines Ordners in „themes/“ des Projekts, z. B. „kreis“ für themes/kreis/
config-typst = book.toml darf das typst-Programm nicht festlegen, gefunden wurde „{ $found }“
label-config-typst = eine Projektdatei darf kein Programm zum Ausführen nennen
hint-config-typst = Diese Zeile löschen; wer konzept aufruft, wählt typst mit „--typst PFAD“ oder KONZEPT_TYPST
config-bleed = „bleed_mm“ muss zwischen 0 und 10 liegen, gefunden wurde „{ $found }“
hint-bleed = Druckereien verlangen meist 3 mm
config-paper = Unbekanntes Papierformat „{ $found }“
hint-paper = „a4“, „a5“ oder „a6“ verwenden
config-scheme = Das Schema „{ $scheme }“ kann nicht erlaubt werden
hint-scheme-name = Den Namen des Schemas ohne „:“ oder „//“ schreiben, z. B. „webcal“
hint-scheme-never = Links mit diesem Schema können im Browser der Lesenden Code ausführen oder Dateien lesen; konzept schreibt sie nie
config-years = „first_year“ liegt nach „last_year“
config-unknown-key = Unbekannte Einstellung „{ $key }“
label-unknown-key = diese Einstellung kennt konzept nicht
hint-known-keys = Bekannte Einstellungen hier: { $keys }
config-missing-key = Die Pflichteinstellung „{ $key }“ fehlt
hint-add-key = Eine Zeile wie „{ $key } = "…"“ ergänzen
config-invalid = book.toml ist nicht gültig: { $detail }
hint-toml-syntax = book.toml ist in TOML geschrieben: „name = "wert"“, Abschnitte in [eckigen Klammern]

## Datensätze: Kennungen und Verweise

id-not-slug = Die Kennung „{ $id }“ kann nicht in einer Webadresse stehen
hint-slug-chars = Kleinbuchstaben, Ziffern und Bindestriche verwenden
id-invalid = Die Kennung „{ $id }“ { $kind ->
        [empfehlung] der Empfehlung
        [massnahme] der Maßnahme
        [handlungsfeld] des Handlungsfelds
        [zielgruppe] der Zielgruppe
        [indikator] des Indikators
        [kommune] der Kommune
       *[other] des Eintrags
    } kann nicht in einer Webadresse stehen
label-id-invalid = keine gültige Kennung
hint-id-form = Eine Kennung beginnt mit einem Buchstaben oder einer Ziffer und enthält nur Buchstaben, Ziffern, „-“ und „_“ (höchstens { $max } Zeichen), z. B. „M-017“
id-twice = Die Kennung „{ $id }“ kommt bei den { $kind ->
        [empfehlung] Empfehlungen
        [massnahme] Maßnahmen
        [handlungsfeld] Handlungsfeldern
        [zielgruppe] Zielgruppen
        [indikator] Indikatoren
        [kommune] Kommunen
       *[other] Einträgen
    } zweimal vor
id-twice-case = Die Kennung „{ $id }“ kommt bei den { $kind ->
        [empfehlung] Empfehlungen
        [massnahme] Maßnahmen
        [handlungsfeld] Handlungsfeldern
        [zielgruppe] Zielgruppen
        [indikator] Indikatoren
        [kommune] Kommunen
       *[other] Einträgen
    } zweimal vor: „{ $other }“ unterscheidet sich nur in der Groß- und Kleinschreibung
label-second-use = zweites Vorkommen
hint-id-first-use = Sie kommt zuerst in Zeile { $line } vor; diesem Eintrag eine neue Kennung geben
hint-id-case = „{ $other }“ steht in Zeile { $line }; beide bekämen dieselbe Webadresse, darum diesem Eintrag eine neue Kennung geben
ref-unknown = { $kind ->
        [empfehlung] Unbekannte Empfehlung
        [massnahme] Unbekannte Maßnahme
        [handlungsfeld] Unbekanntes Handlungsfeld
        [zielgruppe] Unbekannte Zielgruppe
        [indikator] Unbekannter Indikator
        [kommune] Unbekannte Kommune
       *[other] Unbekannter Eintrag
    } „{ $id }“
label-ref-unknown = { $kind ->
        [empfehlung] keine Empfehlung
        [massnahme] keine Maßnahme
        [handlungsfeld] kein Handlungsfeld
        [zielgruppe] keine Zielgruppe
        [indikator] kein Indikator
        [kommune] keine Kommune
       *[other] kein Eintrag
    } hat diese Kennung
hint-ref-home = Die { $kind ->
        [empfehlung] Empfehlungen stehen
        [massnahme] Maßnahmen stehen
        [handlungsfeld] Handlungsfelder stehen
        [zielgruppe] Zielgruppen stehen
        [indikator] Indikatoren stehen
        [kommune] Kommunen stehen (je eine Datei)
       *[other] Einträge stehen
    } in { $home }
id-prefix = Die Kennung „{ $id }“ beginnt nicht mit „{ $prefix }-“
hint-id-prefix = Empfehlungen zu „{ $title }“ haben meist Kennungen wie „{ $prefix }-1“
measure-no-kommune = Die Maßnahme „{ $id }“ nennt keine Kommune
hint-kreisweit = Für eine kreisweite Maßnahme „kommunen: [kreisweit]“ schreiben
measure-kreisweit-mixed = „kreisweit“ zusammen mit einzelnen Kommunen
hint-kreisweit-mixed = Eine Maßnahme ist entweder kreisweit oder nennt ihre Kommunen
period-reversed = Der Zeitraum endet („{ $bis }“), bevor er beginnt („{ $von }“)
hint-period-reversed = „von“ und „bis“ tauschen oder das Jahr korrigieren
history-order = Der Verlauf von „{ $id }“ ist nicht nach Datum geordnet
hint-history-order = Die Statusänderungen von der ältesten zur neuesten auflisten
history-status = Der Verlauf von „{ $id }“ endet mit „{ $last }“, der Status ist aber „{ $status }“
hint-history-status = Den aktuellen Status als letzten Eintrag unter „verlauf“ ergänzen
expected-month = Erwartet wird ein Monat wie „2025-03“, gefunden wurde „{ $found }“
hint-month = Den Monat als Jahr-Monat schreiben, z. B. „2026-12“
expected-date = Erwartet wird ein Datum wie „{ $example }“, gefunden wurde „{ $found }“
language-unknown = Unbekanntes Sprachkürzel „{ $code }“
hint-language-codes = Kürzel nach ISO 639-1 verwenden, etwa „de“, „uk“, „ar“, „ro“
url-no-scheme = Die Webadresse „{ $url }“ muss mit https:// beginnen
hint-url-copy = Die vollständige Adresse aus der Adresszeile des Browsers kopieren
offer-unreachable = Das Angebot „{ $title }“ hat weder „kontakt“ noch „url“
hint-offer-unreachable = Lesende brauchen einen Weg zum Angebot: „kontakt:“ oder „url:“ ergänzen

## Überschriften und Zusammenfassungen

heading-level-one = Die Überschrift „{ $text }“ steht auf Ebene 1, wie der Titel
hint-heading-level-one = Der Titel ist die einzige Überschrift der Ebene 1; Abschnitte mit „## “ beginnen
heading-skips = Die Überschrift „{ $text }“ überspringt eine Ebene: Ebene { $level } folgt auf Ebene { $prev }
label-heading-expected = hier wird „{ $hashes }“ erwartet
hint-heading-skips = Screenreader, die Lesezeichen der PDFs und ihre Barrierefreiheits-Tags folgen den Ebenen; eine Raute „#“ mehr schreiben als bei der Überschrift darüber
summary-empty = Die Zusammenfassung („summary“) ist leer
hint-summary-empty = Zwei bis fünf Sätze schreiben, die für sich allein verständlich sind; daraus entstehen die Kurzfassung und die Seitenbeschreibung
summary-missing = Das Kapitel hat keine Zusammenfassung („summary“)
hint-summary-missing = Im Kopfbereich „summary:“ mit zwei bis fünf Sätzen ergänzen; daraus entstehen die Kurzfassung und die Seitenbeschreibung

## Schriften in den PDFs

control-char = Ein unsichtbares Steuerzeichen U+{ $code } im Text{ $more ->
        [0] {""}
        [one] {" "}(und noch 1-mal in dieser Datei)
       *[other] {" "}(und noch { $more }-mal in dieser Datei)
    }
label-control-char = Steuerzeichen
hint-control-char = Das Zeichen löschen; es kommt oft beim Kopieren aus einem anderen Programm mit
no-font = Die PDFs haben keine Schrift für „{ $char }“ (U+{ $code }){ $more ->
        [0] {""}
        [one] {" "}(und noch 1-mal in dieser Datei)
       *[other] {" "}(und noch { $more }-mal in dieser Datei)
    }
label-no-font = keine Schrift für dieses Zeichen
hint-no-font = Die Website zeigt es, die PDFs drucken stattdessen „[U+{ $code }]“; das Zeichen ersetzen oder eine Schrift, die es enthält, in themes/<theme>/print/fonts/ ablegen

## Druck-Theme und Bilder im Druck

builtin-theme-file = eingebautes Theme: { $path }
theme-toml-missing = Das Druck-Theme hat keine „theme.toml“
hint-theme-toml-missing = print/theme.toml aus dem Standard-Theme von konzept kopieren
theme-toml-invalid = theme.toml ist nicht gültig: { $detail }
palettes-missing = theme.toml braucht eine Palette „[rgb]“ und eine Palette „[cmyk]“
hint-palettes-missing = Die Lese-PDFs verwenden [rgb], die Druckdateien [cmyk]
cmyk-invalid = Die CMYK-Farbe „{ $name }“ muss aus vier Prozentwerten bestehen, gefunden wurde „{ $found }“
hint-cmyk-invalid = Cyan, Magenta, Gelb und Schwarz von 0 bis 100 angeben, z. B. „accent = [100, 40, 0, 10]“
cmyk-too-much-ink = Die CMYK-Farbe „{ $name }“ braucht { $total } % Farbauftrag, mehr als { $max } %
label-too-much-ink = zu viel Farbe für den Offsetdruck
hint-too-much-ink = Cyan, Magenta oder Gelb verringern; Druckereien erlauben höchstens 300 % Gesamtfarbauftrag (ISO Coated v2 300 %)
colour-only-in = Die Farbe „{ $name }“ steht in [{ $palette }], aber nicht in [{ $other }]
hint-both-palettes = Jede Farbe braucht einen Wert in beiden Paletten
rgb-invalid = Die RGB-Farbe „{ $name }“ muss wie „#1d5e8c“ aussehen, gefunden wurde „{ $found }“
image-unreadable-raster = Das Bild „{ $src }“ ist keine lesbare PNG- oder JPEG-Datei
hint-image-save-again = Das Bild in einem Bildprogramm öffnen und erneut als PNG oder JPEG speichern
image-low-ppi = Das Bild „{ $src }“ hat bei seiner gedruckten { $what ->
        [width] Breite
       *[height] Höhe
    } von { $mm } mm nur { $ppi } ppi ({ $doc })
hint-image-low-ppi = Druckereien brauchen mindestens { $min } ppi: das Bild mit mindestens { $needed } Pixeln { $what ->
        [width] Breite
       *[height] Höhe
    } liefern oder als SVG
