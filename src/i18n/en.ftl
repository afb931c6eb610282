# konzept – messages in English (follows de.ftl id by id).

## Frame of the output

severity-error = error
severity-warning = warning
hint-line = hint: { $hint }
summary-problems = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }

## Common hints

hint-did-you-mean = did you mean `{ $name }`?
hint-save-utf8 = save the file as UTF-8 in your editor ("Kodierung: UTF-8")

## Reading files

file-unreadable = cannot read the file: { $reason }
io-not-found = it does not exist
io-permission-denied = permission denied
io-is-a-folder = it is a folder, not a file
io-other = { $detail }

## Chapters: field of action, images, HTML

chapter-unknown-field-of-action = unknown field of action `{ $id }`
hint-fields-of-action-home = fields of action are defined in data/handlungsfelder.yaml
image-no-alt = the image `{ $src }` has no alt text
hint-image-alt = describe the image between the brackets: `![Zeitleiste des Beteiligungsprozesses](bild.svg)`
image-missing = the image `{ $src }` does not exist
hint-image-looked-for = the path is relative to the chapter; konzept looked for { $path }
image-wrong-format = the image `{ $src }` is not SVG, PNG or JPEG
hint-image-save-as = save the picture as SVG, PNG or JPEG (the PDFs cannot embed other formats)
image-svg-unusable = the SVG image `{ $src }` cannot be used: { $reason }
hint-svg-save-again = open it in a drawing program and save it again as plain SVG
image-remote = the image `{ $src }` is on another server
hint-image-remote = save it in the project next to the chapter, so the site and the PDFs can use it
raw-html-cleaned = raw HTML is removed or cleaned
hint-raw-html = write Markdown instead; `allow_html = true` in book.toml keeps more elements (video, frames) and silences this warning, but never scripts
in-text-of = { $message } (in the text of `{ $id }`)

## SVG images

svg-compressed = the file is compressed (SVGZ); save it as plain SVG
svg-not-utf8 = the file is not UTF-8 text, so it is no SVG
svg-not-xml = the file is not well-formed XML: { $detail }
svg-wrong-root = the file's root element is `<{ $element }>`, not `<svg>`
svg-unreadable = the drawing cannot be read: { $detail }

## Links

link-unknown-kind = unknown link kind `{ $prefix }:`
hint-link-kind-did-you-mean = did you mean `{ $name }:`? Link kinds: { $kinds }
hint-link-kinds = link kinds: { $kinds }
link-target-missing = the link target `{ $dest }` does not exist
hint-no-record-with-id = no { $kind ->
        [empfehlung] recommendation
        [massnahme] measure
        [kommune] municipality
        [handlungsfeld] field of action
        [zielgruppe] focus group
        [indikator] indicator
        [kapitel] chapter
       *[other] record
    } has the id `{ $id }`
link-chapter-no-heading = the chapter `{ $chapter }` has no heading `#{ $anchor }`
hint-heading-id = link to a heading by its id; give a heading an id with `## Ziele {"{"}#ziele{"}"}`
link-no-heading-here = this chapter has no heading `#{ $anchor }`
hint-heading-id-or-link = give the heading an id with `## Ziele {"{"}#ziele{"}"}`, or correct the link
hint-link-forms = link to chapters with `kapitel:slug` and to records with e.g. `empfehlung:SB-1`; files are relative to the chapter
link-file-outside = the file `{ $dest }` is not inside content/, so it is not published
hint-link-file-outside = put files a chapter links to (PDF, DOCX, XLSX …) in a folder under content/, e.g. content/dokumente/
link-file-kind = the site does not publish files of the kind `.{ $ext }`: `{ $dest }`
hint-link-file-kinds = published are: { $kinds }. Write a page as a chapter; include a drawing as an image

## Listing blocks (```konzept)

listing-empty = the listing block is empty
listing-unknown = unknown listing `{ $call }`
listing-expected-pair = expected `name=value`, found `{ $found }`
listing-unknown-argument = the listing `{ $call }` has no argument `{ $name }`
listing-names-nothing = `{ $name }={ $value }` names nothing that exists
hint-listing-spelling = check the spelling of `{ $value }` against the ids in data/
hint-listing-one-call = write one call per block, e.g. `empfehlungen handlungsfeld=sprache-bildung`

## konzept serve: error overlay in the browser

serve-errors-title = The sources contain errors
serve-errors-note = The page shows the last state without errors. This notice disappears as soon as the errors are fixed.
serve-pdf-building = rebuilding the PDF …
serve-pdf-ready = the PDF is up to date
serve-pdf-failed = the PDF could not be made

## YAML files

yaml-unknown-field = unknown field `{ $field }`

## Command line: status lines

cli-not-a-date = `{ $value }` is not a date like `2025-02-17`

## Command line: help (--help) and usage errors
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-value-command = COMMAND
cli-help = Print help
cli-version = Print konzept's version
cli-about = konzept builds the website and the PDFs of a public strategy document from Markdown chapters and YAML data.
cli-build = Build the website (and the PDFs) into the output folder
cli-serve = Build, serve the site on 127.0.0.1 and rebuild whenever a source changes
cli-check = Check the sources without writing anything: the same findings `build` reports (links, headings, summaries, images, forgotten records …), plus the PDFs the last build left
cli-new = Add a chapter or a record (with the next free id) from a template
cli-init = Create a new, minimal project that builds
cli-new-chapter = A chapter: content/NN-slug.md with the next order number
cli-new-empfehlung = A recommendation, appended to data/empfehlungen.yaml with the next id of its field of action (e.g. SB-7)
cli-new-massnahme = A measure, appended to data/massnahmen.yaml with the next free id (M-…)
cli-new-kommune = A municipality: data/kommunen/<slug>.yaml
cli-new-angebot = An offer, added to a municipality's `angebote:`
cli-new-akteur = An actor (Akteur), appended to data/akteure.yaml; its id comes from the name and is never one in use
cli-new-indikator = An indicator, appended to data/indikatoren.yaml; its id comes from the title
cli-lang = The language of konzept's messages: `de` or `en`; else book.toml's `language`, else the locale ($LC_ALL, $LC_MESSAGES, $LANG), else German
cli-root = The project folder (the one with book.toml); default: the current folder
cli-out = Write the site here instead of book.toml's `output`
cli-build-no-pdf = Build only the website, no PDFs
cli-serve-no-pdf = Serve only the website; do not rebuild the PDFs in the background
cli-print-out = Write the print-shop PDFs here instead of book.toml's `[print] output`
cli-force = Replace the output folder even if konzept did not make it
cli-typst = The typst program (0.15.1) that makes the PDFs; else $KONZEPT_TYPST, else the copy `scripts/install-deps` installs, else `typst` on PATH
cli-typst-timeout = Stop typst when one PDF takes longer than this many seconds; else $KONZEPT_TYPST_TIMEOUT, else 600 (120 for `serve`)
cli-diagnostic-format = How to print problems: `long` with excerpts (the default), or `short` one line each
cli-port = The port to listen on; 0 picks a free one (the address is printed); default: 3000
cli-bind = Listen on this address instead of 127.0.0.1. Other computers can then open the site; konzept warns about it
cli-open = Open the site in the browser
cli-format = How to print the findings: `long` with excerpts (the default), `short` one line each, or `json` (on stdout) for other programs
cli-deny-warnings = Fail (exit 1) on warnings too, not only on errors
cli-today = The day to compare the measures' periods with (YYYY-MM-DD); else $KONZEPT_TODAY, else today
cli-init-dir = The new project's folder; it must be empty or not exist yet
cli-init-title = The publication's title (else a placeholder)
cli-new-title = The title
cli-new-title-optional = The title (else a placeholder)
cli-new-teil = Put it into this part (a folder in content/), e.g. `handlungsfelder`
cli-new-handlungsfeld = The field of action's id, e.g. `sprache-bildung`
cli-new-empfehlung-id = The recommendation it implements, e.g. `SB-2`
cli-new-kommune-name = Its name, e.g. `Schloß Holte-Stukenbrock`
cli-new-kommune-art = Town (`stadt`) or municipality (`gemeinde`, the default)
cli-new-angebot-kommune = The municipality's file name without `.yaml`, e.g. `verl`
cli-new-akteur-name = Its name, e.g. `Familienzentrum Verl`
cli-new-akteur-art = Its kind: verwaltung, wohlfahrtsverband, verein (the default), migrantenorganisation, bildungstraeger, beratungsstelle, arbeitsverwaltung, kirche or sonstige
cli-new-akteur-kommune = The municipality it works in (its file name without `.yaml`); district-wide when left out
cli-error-unknown-argument = there is no `{ $arg }` here
cli-error-unknown-command = there is no command `{ $command }`
cli-error-invalid-value = `{ $value }` is not a valid value for { $arg }
cli-error-missing = missing: { $arg }
cli-error-values = { $arg } has too many or too few values
cli-error-conflict = { $arg } cannot be combined with the other arguments
cli-hint-values = possible values: { $values }
cli-hint-help = `--help` lists every command and option
cli-translations = Create, refresh and check the translations of the short version (translations/<language>.po)
cli-translations-update = Create or refresh translations/<language>.po from the German sources: keeps every translation, marks those whose German changed as `fuzzy` (needs review) with the old German beside it
cli-translations-status = Per language: how many texts are translated, missing, out of date; with `--list`, each missing or out-of-date text with file and line
cli-translations-check = The translation findings only (the same `check` reports), exit 1 on errors; with `--deny-warnings` also when a text is missing or stale
cli-translations-langs = Only these languages (codes as in book.toml); all when none given
cli-translations-list = List every missing or out-of-date text
cli-translations-deny-warnings = Fail on missing or out-of-date texts too
build-failed = { $summary }; nothing was written
build-done = built { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } ({ $files ->
        [one] 1 file
       *[other] { $files } files
    }) into { $out } in { $seconds } s
init-done = created a new project in { $dir } ({ $files ->
        [one] 1 file
       *[other] { $files } files
    })
init-next = next: cd { $dir } && konzept serve --open
new-created = created { $file } (`{ $id }`)
new-added = added `{ $id }` to { $file }:{ $line }
yaml-expected-found = expected { $expected ->
        [integer] a whole number
        [number] a number
        [list] a list (`[a, b]` or lines starting with `- `)
        [text] a text
        [boolean] `true` or `false`
        [fields] fields (`name: value` lines)
       *[other] another value
    }, found `{ $found }`
yaml-expected-kind = expected { $expected ->
        [integer] a whole number
        [number] a number
        [list] a list (`[a, b]` or lines starting with `- `)
        [text] a text
        [boolean] `true` or `false`
        [fields] fields (`name: value` lines)
       *[other] another value
    }, found { $kind }
hint-digits-only = write digits only, without dots or spaces
hint-field-did-you-mean = did you mean `{ $name }`? Fields here: { $fields }
hint-fields-here = fields here: { $fields }
yaml-missing-field = the required field `{ $field }` is missing
hint-add-field = add `{ $field }:` to this record
yaml-value-not-allowed = `{ $value }` is not an allowed value here
hint-value-did-you-mean = did you mean `{ $name }`? Allowed: { $allowed }
hint-allowed-values = allowed values: { $allowed }
yaml-expected-boolean = expected `true` or `false`
hint-boolean = write `true` or `false`; `ja`, `nein`, `yes` and `no` are not accepted
yaml-duplicate-key = the field `{ $field }` is written twice
hint-remove-one-line = remove one of the two lines
yaml-invalid = this is not valid YAML: { $detail }
hint-yaml-invalid = check the indentation and that text containing `: ` or starting with a special character is in quotes
hint-typographic-quotes = typographic quotes „…“ are text to YAML, not quotes: put straight double quotes around the whole value, e.g. `{ $example }`

## Invisible characters and pasted text

invisible-char = a { $kind ->
        [nbsp] non-breaking space
        [narrow-nbsp] narrow non-breaking space
        [typographic-space] typographic space
        [zwsp] zero-width space
        [zwnj] zero-width non-joiner
        [zwj] zero-width joiner
        [word-joiner] word joiner
        [bom] byte order mark
        [tab] tab
       *[other] invisible character
    } (U+{ $code }) { $place ->
        [indent] in the indentation
        [dash] after the list dash `-`
        [key] in the field name
       *[colon] after the colon
    }
invisible-label = { $kind ->
        [nbsp] non-breaking space
        [narrow-nbsp] narrow non-breaking space
        [typographic-space] typographic space
        [zwsp] zero-width space
        [zwnj] zero-width non-joiner
        [zwj] zero-width joiner
        [word-joiner] word joiner
        [bom] byte order mark
        [tab] tab
       *[other] invisible character
    }
hint-tab-in-yaml = YAML is indented with spaces only: replace the tab by spaces
hint-invisible-replace = replace it by a normal space; it often comes along when text is copied from Word or a web page
yaml-comment-cuts = `{ $lost }` is read as a YAML comment and left out of the text
label-left-out = left out
hint-quote-whole-value = put the whole value in double quotes: `{ $example }`
word-bullet = a bullet `{ $bullet }` pasted from a word processor
label-not-a-list = not a Markdown list
hint-word-bullet = start list items with `- ` instead of `{ $bullet }`, one per line, with an empty line before the list
image-path-space = this image is not shown: its path contains a space
label-path-space = path with a space
hint-path-space = write the path in angle brackets, `(<{ $path }>)`, or rename the file without spaces
hint-path-read-as = the path is read as `{ $path }`
placeholder-left = a placeholder is still here: `{ $text }`
label-placeholder = placeholder
hint-placeholder = replace it by the real text; the site and the PDFs would print it as it is

## Chapters and files

content-missing = the folder `content/` is missing
hint-content-missing = chapters are Markdown files in content/
chapter-slug-twice = two chapters have the slug `{ $slug }`
hint-chapter-slug-twice = the other one is { $other }; rename one of the files
special-page-twice = a second page of this kind
hint-special-page-twice = { $other } already has it; a publication has one of each special page
file-is-a-part = this file names a part, not a chapter
file-not-utf8 = the file is not UTF-8 text
file-name-not-slug = the file name `{ $name }` cannot be used in a web address
hint-slug-example = use lower-case letters, digits and hyphens, e.g. `{ $example }`
frontmatter-missing = the chapter does not start with front matter
hint-frontmatter-missing = begin the file with a line `---`, then `title: …`, then another line `---`
frontmatter-not-closed = the front matter is not closed
label-opened-here = opened here
hint-frontmatter-not-closed = add a line `---` after the last front-matter field (`title:`, `summary:` …)
data-file-missing = `{ $file }` is missing
hint-data-file-missing = every publication needs this file; `konzept init` shows its form
path-outside = `{ $path }` leads outside the project (to `{ $target }`)
hint-path-outside = konzept reads only files inside the project folder; put a copy of the file here instead of a link

## book.toml

config-unreadable = cannot read `book.toml`: { $reason }
hint-config-unreadable = every konzept project has a book.toml at its root; `konzept init DIR` creates one
config-not-a-date = `{ $key }` must be a date like `{ $example }`, found `{ $found }`
hint-date-order = write the date as year-month-day
config-folder-outside = `{ $key }` must be a folder inside the project, found `{ $found }`
hint-folder-relative = use a relative name such as `{ $example }`, or pass `{ $option } DIR` on the command line
config-theme-name = `theme` must be the name of a theme, found `{ $found }`
hint-theme-name = write `default`, or the name of a folder in the project's `themes/`, e.g. `kreis` for themes/kreis/
config-typst = book.toml cannot choose the typst program, found `{ $found }`
label-config-typst = a project file must not name a program to run
hint-config-typst = remove this line; the person running konzept chooses typst with `--typst PATH` or KONZEPT_TYPST
config-bleed = `bleed_mm` must be between 0 and 10, found `{ $found }`
hint-bleed = print shops usually ask for 3 mm
config-paper = unknown paper size `{ $found }`
hint-paper = use `a4`, `a5` or `a6`
config-scheme = the scheme `{ $scheme }` cannot be allowed
hint-scheme-name = write the scheme's name without `:` or `//`, e.g. `webcal`
hint-scheme-never = links with this scheme can run code or read files in the reader's browser; konzept never writes them
config-years = `first_year` comes after `last_year`
config-unknown-key = unknown key `{ $key }`
label-unknown-key = konzept does not know this setting
hint-known-keys = known keys here: { $keys }
config-missing-key = the required key `{ $key }` is missing
hint-add-key = add a line such as `{ $key } = "…"`
config-invalid = book.toml is not valid: { $detail }
hint-toml-syntax = book.toml uses TOML syntax: `key = "value"`, sections in [brackets]

## Records: ids and references

id-not-slug = the id `{ $id }` cannot be used in a web address
hint-slug-chars = use lower-case letters, digits and hyphens
id-invalid = the { $kind ->
        [empfehlung] recommendation
        [massnahme] measure
        [handlungsfeld] field of action
        [zielgruppe] focus group
        [indikator] indicator
        [kommune] municipality
        [akteur] actor
       *[other] record
    } id `{ $id }` cannot be used in a web address
label-id-invalid = not a valid id
hint-id-form = an id starts with a letter or digit and has only letters, digits, `-` and `_` (at most { $max } characters), e.g. `M-017`
id-twice = the { $kind ->
        [empfehlung] recommendation
        [massnahme] measure
        [handlungsfeld] field of action
        [zielgruppe] focus group
        [indikator] indicator
        [kommune] municipality
        [akteur] actor
       *[other] record
    } id `{ $id }` is used twice
id-twice-case = the { $kind ->
        [empfehlung] recommendation
        [massnahme] measure
        [handlungsfeld] field of action
        [zielgruppe] focus group
        [indikator] indicator
        [kommune] municipality
        [akteur] actor
       *[other] record
    } id `{ $id }` is used twice: `{ $other }` differs only in capitals
label-second-use = second use
hint-id-first-use = it is first used on line { $line }; give this record a new id
hint-id-case = `{ $other }` is on line { $line }; both would get the same web address, so give this record a new id
ref-unknown = unknown { $kind ->
        [empfehlung] recommendation
        [massnahme] measure
        [handlungsfeld] field of action
        [zielgruppe] focus group
        [indikator] indicator
        [kommune] municipality
        [akteur] actor
       *[other] record
    } `{ $id }`
label-ref-unknown = no { $kind ->
        [empfehlung] recommendation
        [massnahme] measure
        [handlungsfeld] field of action
        [zielgruppe] focus group
        [indikator] indicator
        [kommune] municipality
        [akteur] actor
       *[other] record
    } has this id
hint-ref-home = { $kind ->
        [empfehlung] recommendations are defined in { $home }
        [massnahme] measures are defined in { $home }
        [handlungsfeld] fields of action are defined in { $home }
        [zielgruppe] focus groups are defined in { $home }
        [indikator] indicators are defined in { $home }
        [kommune] municipalities are defined in { $home } (one file each)
        [akteur] actors are defined in { $home }
       *[other] records are defined in { $home }
    }
id-prefix = the id `{ $id }` does not start with `{ $prefix }-`
hint-id-prefix = recommendations of „{ $title }“ usually have ids like `{ $prefix }-1`
measure-no-kommune = the measure `{ $id }` names no municipality
hint-kreisweit = write `kommunen: [kreisweit]` for a district-wide measure
measure-kreisweit-mixed = `kreisweit` together with single municipalities
hint-kreisweit-mixed = a measure is either district-wide or names its municipalities
period-reversed = the period ends (`{ $bis }`) before it begins (`{ $von }`)
hint-period-reversed = swap `von` and `bis`, or correct the year
history-order = the history of `{ $id }` is not in date order
hint-history-order = list the status changes from the oldest to the newest
history-status = the history of `{ $id }` ends with `{ $last }`, but its status is `{ $status }`
hint-history-status = add the current status as the last entry of `verlauf`
expected-month = expected a year and month like `2025-03`, found `{ $found }`
hint-month = write the month as year-month, e.g. `2026-12`
expected-date = expected a date like `{ $example }`, found `{ $found }`
language-unknown = unknown language code `{ $code }`
hint-language-codes = use ISO 639-1 codes such as `de`, `uk`, `ar`, `ro`
url-no-scheme = the web address `{ $url }` must start with https://
hint-url-copy = copy the full address from the browser's address bar
offer-unreachable = the offer `{ $title }` has neither `kontakt` nor `url`
hint-offer-unreachable = readers need a way to reach the offer: add `telefon:`, `email:`, `kontakt:` or `url:`

## Headings and summaries

heading-level-one = the heading `{ $text }` is on level 1, like the title
hint-heading-level-one = the title is the page's only level-1 heading; start sections with `## `
heading-skips = the heading `{ $text }` skips a level: level { $level } follows level { $prev }
label-heading-expected = expected `{ $hashes }` here
hint-heading-skips = screen readers, the PDF's bookmarks and its accessibility tags follow heading levels; write `#` one more than the heading above
summary-empty = the `summary` is empty
hint-summary-empty = write two to five sentences that read well on their own; the short version (Kurzfassung) and the page description are made from them
summary-missing = the chapter has no `summary`
hint-summary-missing = add `summary:` to the front matter with two to five sentences; the short version (Kurzfassung) and the page description are made from them

## Fonts in the PDFs

control-char = invisible control character U+{ $code } in the text{ $more ->
        [0] {""}
        [one] {" "}(and 1 more time in this file)
       *[other] {" "}(and { $more } more times in this file)
    }
label-control-char = control character
hint-control-char = delete it; it often comes along when text is copied from another program
no-font = the PDFs have no font for `{ $char }` (U+{ $code }){ $more ->
        [0] {""}
        [one] {" "}(and 1 more time in this file)
       *[other] {" "}(and { $more } more times in this file)
    }
label-no-font = no font for this character
hint-no-font = the site shows it, the PDFs print `[U+{ $code }]` instead; replace it or add a font that has it to themes/<theme>/print/fonts/

## Print theme and images in print

builtin-theme-file = built-in theme: { $path }
theme-toml-missing = the print theme has no `theme.toml`
hint-theme-toml-missing = copy print/theme.toml from konzept's default theme
theme-toml-invalid = theme.toml is not valid: { $detail }
palettes-missing = theme.toml needs an `[rgb]` and a `[cmyk]` palette
hint-palettes-missing = the reader PDFs use [rgb], the print-shop files [cmyk]
cmyk-invalid = the CMYK colour `{ $name }` must be four percentages, found `{ $found }`
hint-cmyk-invalid = write cyan, magenta, yellow and black from 0 to 100, e.g. `accent = [100, 40, 0, 10]`
cmyk-too-much-ink = the CMYK colour `{ $name }` uses { $total } % ink, more than { $max } %
label-too-much-ink = too much ink for offset printing
hint-too-much-ink = lower cyan, magenta or yellow; print shops allow at most 300 % total ink (ISO Coated v2 300 %)
colour-only-in = the colour `{ $name }` is in [{ $palette }] but not in [{ $other }]
hint-both-palettes = every colour needs a value in both palettes
rgb-invalid = the RGB colour `{ $name }` must look like `#1d5e8c`, found `{ $found }`
image-unreadable-raster = the image `{ $src }` is not a readable PNG or JPEG file
hint-image-save-again = open it in an image program and save it again as PNG or JPEG
image-low-ppi = the image `{ $src }` has only { $ppi } ppi at its printed { $what ->
        [width] width
       *[height] height
    } of { $mm } mm ({ $doc })
hint-image-low-ppi = print shops need at least { $min } ppi: supply it with at least { $needed } pixels { $what ->
        [width] width
       *[height] height
    }, or as SVG
hint-low-ppi-accepted = accepted by `accept_low_resolution` in book.toml's [print]
hint-accept-low-ppi = or accept it for print: `accept_low_resolution = ["{ $src }"]` in book.toml's [print]

## Structured offers, videos, the site's address

offer-phone-invalid = `{ $value }` is not a phone number
hint-offer-phone = write the number with its area code, e.g. `05241 000-0000` or `+49 5241 000-0000`; digits, spaces, `-` and `/` only
offer-email-invalid = `{ $value }` is not an e-mail address
hint-offer-email = write the address alone, like `beratung@example.org`, without `mailto:` or spaces
offer-cost-unknown = unknown cost `{ $value }`
hint-offer-cost = write `kostenlos`, `auf-anfrage` or an amount in euro such as `5` or `12,50 €`
offer-postcode-invalid = the postcode `{ $value }` does not have five digits
hint-offer-postcode = write the postcode in quotes with all five digits, e.g. `plz: "33330"`
offer-day-unknown = unknown day `{ $value }`
hint-offer-day = write the days as `mo`, `di`, `mi`, `do`, `fr`, `sa` or `so`
offer-time-invalid = expected a time like `09:00`, found `{ $value }`
hint-offer-time = write times with two digits for hours and minutes, in quotes: `"09:00"`
offer-hours-reversed = the opening hours end (`{ $until }`) before they begin (`{ $from }`)
hint-offer-hours-reversed = `von` is the opening time, `bis` the closing time of the same day
hint-chapter-stand = write `stand:` as year-month-day; the page shows it as its date
videos-wrong-page = `videos` belong on the sign-language page
hint-videos-wrong-page = add `kind: sign-language` to this page's front matter, or move the videos there
video-file-invalid = the video `{ $file }` is not an MP4 or WebM file beside the page
hint-video-file = put the video in content/ (e.g. `videos/begruessung.mp4`) and name it here; the site plays it without an external player
video-captions-invalid = the captions `{ $file }` are not a WebVTT file beside the page
hint-video-captions = save the captions as WebVTT (`.vtt`) in content/ and name the file here
base-url-not-absolute = `base_url` `{ $value }` is not a full web address, so the site gets no sitemap.xml
label-base-url-not-absolute = search engines and open-data portals need absolute addresses
hint-base-url-not-absolute = set `base_url` to the address the site is published at, e.g. `https://integration.example.org/`

## Monitoring: indicators and CSV files

csv-no-indicator = no indicator has the id `{ $id }`
label-csv-no-indicator = these values belong to no indicator
hint-csv-file-name = the file name must be the id of an indicator in data/indikatoren.yaml
csv-header = the first line must be `jahr,gebiet,wert`
hint-csv-header = the columns are the year, the area (a municipality's slug or `kreis`) and the value
csv-year-outside = the year `{ $year }` is outside the monitoring period { $first }–{ $last }
label-outside-period = outside the period
hint-csv-year-outside = correct the year, or widen the period under [monitoring] in book.toml (`first_year`, `last_year`)
csv-expected-year = expected a year for `jahr`, found `{ $found }`
hint-csv-year = write the year with four digits, e.g. `2024`
csv-unknown-area = unknown area `{ $area }`
label-no-kommune-slug = no municipality has this slug
hint-csv-area = write a municipality's slug (its file name in data/kommunen/) or `kreis` for the whole district
csv-expected-number = expected a number for `wert`, found `{ $found }`
hint-csv-decimal-point = write digits with a decimal point and no thousands separator, e.g. `1234.5`
hint-csv-decimal-comma = write digits with a decimal comma and no thousands separator, e.g. `1234,5`
hint-csv-unknown-value = leave the line out when a value is not known
csv-second-value = a second value for `{ $area }` in { $year }
label-second-value = second value
hint-csv-second-value = the first is on line { $line }; keep one line per year and area
csv-line-length = this line has { $count ->
        [one] 1 value
       *[other] { $count } values
    }, expected 3 (`jahr`, `gebiet`, `wert`)
csv-line-unreadable = this line cannot be read: { $detail }
hint-csv-line = write one year, one area and one value per line, separated by `{ $sep }`
hint-vergleich = `vergleich` names municipalities by their file name in data/kommunen/; the district is always shown
vergleich-too-many = `vergleich` of `{ $id }` names { $count } municipalities, at most { $max } fit in a chart
hint-vergleich-too-many = keep the municipalities that matter most; the table on the indicator's page shows all of them
indicator-no-values = the indicator `{ $id }` has no values
hint-indicator-no-values = add data/monitoring/{ $id }.csv with the columns `jahr,gebiet,wert`

## Findings about records and folders

recommendation-no-measures = the recommendation `{ $id }` has no measures
hint-recommendation-no-measures = add one with `konzept new massnahme --empfehlung { $id }`; until then its page says that no measures are recorded
field-no-recommendations = the field of action `{ $id }` has no recommendations
hint-field-no-recommendations = add one with `konzept new empfehlung --handlungsfeld { $id }`
kommune-no-offers = the municipality `{ $slug }` has no offers
hint-kommune-no-offers = add one with `konzept new angebot --kommune { $slug }`; readers look for offers near them
measure-overdue = the measure `{ $id }` is still `geplant`, but its period ended (`bis: { $bis }`)
label-today = today is { $today }
hint-measure-overdue = set `status:` to `laufend`, `umgesetzt` or `zurückgestellt` (and add it to `verlauf`), or move `bis` into the future
print-inside-site = the print-shop folder `{ $print }` must lie outside the site folder `{ $site }`
label-print-inside-site = the print-shop files would be published with the site
hint-print-inside-site = set `{ $setting }` to a folder beside the site, e.g. `druck`; the print files are not accessible and must not be published
output-overlaps-source = the { $what ->
        [site] site
       *[other] print-shop
    } folder `{ $dir }` overlaps the source folder `{ $source }`
label-output-overlaps = a build replaces this folder as a whole
hint-output-overlaps = choose an output folder of its own beside content/, data/ and themes/, e.g. `public` or `druck`

## Links on the built pages

page-link-outside = the link `{ $link }` leads outside the site
page-link-dead = the link `{ $link }` leads to no page or file of the site
page-link-no-anchor = the link `{ $link }` leads to no heading or element `#{ $anchor }` on its page
on-page = { $message } (on the page `{ $page }`)
hint-page-link-forms = link to chapters with `kapitel:slug` and to records with e.g. `empfehlung:SB-1`; other files of the project are not published
link-scheme-refused = the link `{ $link }` uses the scheme `{ $scheme }:`, which konzept does not allow
label-link-scheme = links may be relative or use an allowed scheme
hint-link-scheme-never = `{ $scheme }:` links can run code or open local files in the reader's browser; konzept never writes them
hint-link-lower-case = links to records are written in lower case: `{ $kind }:…`
hint-link-schemes-allowed = allowed are relative links and { $schemes }; add other schemes to `[links] allowed_schemes` in book.toml

## PDFs

reason-outside-project = the path leads outside the project
reason-missing = the file does not exist
reason-symlink = `{ $path }` is a symbolic link
reason-not-regular = it is not a regular file
image-not-for-pdf = the image `{ $src }` cannot go into the PDFs: { $reason }
hint-image-regular-file = copy the picture into the project as a normal file (no shortcut or symbolic link)
theme-file-symlink = a theme file for the PDFs is a symbolic link
hint-theme-file-symlink = replace the link by a copy of the file; typst only sees regular files
typst-failed = typst could not make the { $doc } PDF
typst-message = typst ({ $doc }): { $text }
brochure-pages = the brochure `{ $file }` has { $pages } pages, not a multiple of four
hint-brochure-pages = the print shop folds the brochure from sheets of four pages; `konzept build` pads it with blank pages, so build again instead of editing the PDF
font-not-embedded = the font `{ $font }` is not embedded in `{ $file }`
hint-font-not-embedded = print shops and PDF/UA need every font inside the file; build again with `konzept build`, which embeds the theme's fonts

## Theme: interface strings and templates

strings-missing = the theme has no interface strings for the language `{ $language }`
hint-strings-missing = add { $file }, or set `language = "de"`
strings-invalid = the interface strings are not valid TOML: { $detail }
template-error = template error: { $detail }
hint-template-page = while rendering the page `{ $page }`

## konzept new and konzept init

new-project-unreadable = cannot read the project in { $dir }
hint-new-project-unreadable = run this in the project folder (the one with book.toml), or pass --root DIR
new-would-break = the change would break the project, so nothing was written
init-unreadable = { $dir } is not a folder konzept can read
init-not-empty = { $dir } is not empty; konzept init only writes into an empty or new folder
hint-init-not-empty = choose a new folder name, e.g. `konzept init mein-konzept`
new-chapter-exists = a chapter with the address `{ $slug }` exists already: { $file }
hint-new-chapter-exists = chapters need different titles (or rename the file afterwards)
file-unreadable-at = cannot read { $file }
new-no-part = no part `{ $part }` in content/
hint-no-parts-yet = parts are the folders in content/: there are none yet
hint-parts = parts are the folders in content/: { $parts }
new-kommune-exists = the municipality `{ $slug }` exists already ({ $name })
hint-new-kommune-exists = its file is data/kommunen/{ $slug }.yaml
new-indicator-exists = the indicator `{ $id }` exists already
hint-new-indicator-exists = give the new one another title
hint-known-ids-none = known ids ({ $home }): none yet
hint-known-ids = known ids ({ $home }): { $ids }
new-list-in-brackets = the file writes its list in brackets (`[…]`); konzept adds records only to lists with one `- ` item per record
new-list-on-one-line = `{ $key }:` is written on one line (`{ $rest }`); konzept adds records only to lists with one `- ` item per line

## Output folders

output-old-not-removed = cannot remove the previous output { $dir }: { $reason }
hint-output-old-not-removed = the new output is in place; konzept tries again on the next run
output-waiting = another konzept run is writing { $dir }; waiting for it to finish …
output-litter-not-removed = cannot remove { $dir } left by an earlier run: { $reason }
hint-output-tries-again = konzept tries again on the next run
output-is-project = refusing to write to { $dir }: it is (or contains) the project folder
output-inside-sources = refusing to write to { $dir }: it is inside the project's `{ $source }`
output-holds-sources = refusing to replace { $dir }: it holds `{ $source }`, which looks like sources
output-is-a-file = refusing to replace { $dir }: it is a file, not a folder
output-not-ours = refusing to replace { $dir }: konzept did not make this folder (it has no { $marker } file)
hint-output-not-ours = choose another output folder, or pass --force to replace it anyway
pdf-padded = { $doc }: { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } + { $pad ->
        [one] 1 blank page
       *[other] { $pad } blank pages
    } = { $total }
pdf-timing = PDF: { $doc }, both versions: typst { $typst } s, konzept { $own } s ({ $share } % of the work)
pdf-progress = PDF: { $doc } ({ $variant ->
        [print] print-shop file
       *[reader] reader version
    }), { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }, { $seconds } s
pdf-progress-cached = PDF: { $doc } ({ $variant ->
        [print] print-shop file
       *[reader] reader version
    }) reused unchanged

## konzept serve: status lines

serve-cannot-listen = cannot listen on { $addr }: is another server using the port? Try --port 0 for a free one
serve-public = listening on { $addr }: other computers that can reach this one can open the site (and its drafts)
serve-url = Serving on { $url }
serve-no-browser = cannot open a browser: { $detail }
serve-rebuilt = { $kind ->
        [full] full
       *[other] { $kind }
    } build, { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } in { $ms } ms
serve-failed = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }; the browser shows the last good site until they are fixed
serve-search-updated = search index updated in { $seconds } s
serve-search-failed = the search index was not updated: { $detail }
serve-pdfs-ready = PDFs ready in { $seconds } s
serve-pdfs-failed = the PDFs were not rebuilt ({ $errors ->
        [one] 1 error
       *[other] { $errors } errors
    })
serve-pdfs-not-rebuilt = the PDFs were not rebuilt: { $detail }
interrupted = interrupted
## Actors

measure-no-responsible = the measure `{ $id }` names no responsible actor
hint-measure-no-responsible = add `verantwortlich: [id]` with the id of an actor from data/akteure.yaml
offer-no-provider = the offer `{ $title }` names no provider
hint-offer-no-provider = add `anbieter:` with the id of an actor from data/akteure.yaml
akteur-kind-unknown = unknown kind of actor `{ $kind }`
label-akteur-kind-unknown = not a known kind
hint-akteur-kinds = the kinds are { $kinds }
akteur-no-kommune = the actor `{ $id }` names no municipality
hint-akteur-kreisweit = write `kommunen: [kreisweit]` for an actor working in the whole district
hint-akteur-kreisweit-mixed = an actor works either in the whole district or names its municipalities
akteur-same-name = the actors `{ $first }` and `{ $second }` have the same name
hint-akteur-same-name = readers cannot tell them apart; if both are „{ $name }“, keep one record and refer to its id
free-text = `{ $field }: { $text }` names an actor as free text
label-free-text = free text
hint-free-text-match = this is the actor `{ $id }` („{ $name }“): write { $list ->
        [yes] `{ $new }: [{ $id }]`
       *[other] `{ $new }: { $id }`
    } instead of `{ $field }:`
hint-free-text-similar = did you mean the actor `{ $id }` („{ $name }“)? Then write { $list ->
        [yes] `{ $new }: [{ $id }]`
       *[other] `{ $new }: { $id }`
    } instead of `{ $field }:`
hint-free-text-new = otherwise add the actor with `konzept new akteur` and refer to its id
hint-free-text-none = add the actor with `konzept new akteur` and write { $list ->
        [yes] `{ $new }: [id]`
       *[other] `{ $new }: id`
    } instead of `{ $field }:`
## Robustness: partial loading, hints, caps

yaml-null-text = expected a text, found nothing
hint-null-text = write the text after the colon, or remove the line
yaml-budget = this file is too large or too deeply nested to read
hint-yaml-budget = split it into smaller files, or check that aliases (`*name`) do not repeat each other
capped-summary = { $count ->
        [one] one more problem
       *[other] { $count } more problems
    } in this file are not shown ({ $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    })
hint-capped = the first { $shown } are shown above; fix them and run again, the same mistake is often repeated on many lines
hint-write-iso = write `{ $iso }`: dates are written as year-month-day (months as year-month)
hint-no-headings = the chapter has no headings to link to
hint-headings-there = headings there: { $anchors }
folder-unreadable = the folder `{ $folder }` cannot be read
hint-folder-unreadable = its chapters are missing from the book; check the folder's permissions (it must be readable by the person running konzept)
folder-is-link = the folder `{ $folder }` is a link to another folder
hint-folder-is-link = konzept reads only folders inside content/ itself; move the chapters here instead of linking the folder
folder-nested-part = the chapters in `{ $folder }` are not in the book
label-folder-nested-part = a folder inside a part
hint-folder-nested-part = a part is one folder under content/ and contains no further parts: move these files into the part's folder or make the folder a part of its own under content/
config-bad-value = the value of `{ $key }` cannot be used: { $detail }
hint-config-bad-value = write text in quotes ("…"), numbers and true/false without; the default applies until it is corrected
new-list-does-not-load = { $file } does not load completely, so nothing was added (a new id could repeat one that did not load):
hint-new-list-does-not-load = correct the file first; `konzept check` shows every problem

## Print: colour profile, CMYK and preflight

config-profile-outside = `profile` must be a file inside the project, found `{ $found }`
hint-profile-copy = copy the print shop's ICC profile into the project, e.g. `druckprofil/PSOcoated_v3.icc`
config-needs-beside = `{ $key }` needs `{ $missing }` beside it
hint-profile-condition = the print shop names both: the ICC profile file and its output condition, e.g. `FOGRA51`
config-max-ink = `max_ink` must be between 100 and 400 %, found `{ $found }`
hint-max-ink = print shops allow 300 % on coated paper, 260–280 % on uncoated
config-paper-thickness = `paper_thickness_mm` must be between 0.03 and 1, found `{ $found }`
hint-paper-thickness = 80 g/m² offset paper is about 0.1 mm thick; the print shop's data sheet has the value
svg-cmyk-changed = the SVG `{ $src }` has { $kind ->
        [gradient] a colour gradient (printed in its mean colour)
        [filter] a filter effect (drawn without it)
        [image] an embedded image (left out)
        [clip] a clip path (drawn unclipped)
       *[mask] a mask (drawn without it)
    } that cannot be printed in CMYK as drawn
label-changed-in-print = changed in the print file
hint-svg-check-print = check this figure in the print file, or simplify the SVG
svg-not-cmyk = the SVG `{ $src }` cannot be converted to CMYK for the print file: { $detail }
image-not-cmyk = the image `{ $src }` cannot be converted to CMYK for the print file: { $detail }
profile-unusable = the colour profile `{ $file }` cannot be used: { $reason }
hint-profile-supply = name the CMYK ICC profile the print shop supplies (e.g. PSO Coated v3), a file inside the project
preflight-error = preflight of the print file: { $text }
preflight-error-page = preflight of the print file, page { $page }: { $text }
hint-preflight-report = the full report is in preflight.txt beside the print files
reason-not-icc = not an ICC profile ({ $detail })
reason-not-cmyk-profile = not a CMYK profile
reason-lcms = Little CMS cannot use it ({ $detail })
## Languages ([[languages]]) and translations (translations/*.po)

languages-invalid = `[[languages]]`: { $detail }
hint-languages-invalid = each `[[languages]]` has `code`, `name`, and optionally `dir`, `units`, `threshold`
language-bad-code = `{ $code }` is not a language code
label-language-bad-code = expected a BCP 47 code
hint-language-bad-code = write the code as `uk`, `ar`, `fa`, `pt-BR`: a two- or three-letter language, optionally a region or script
language-is-source = `{ $code }` is the language of the sources
hint-language-is-source = list only the languages the short version is translated into
language-twice = the language `{ $code }` is listed twice
hint-language-twice = remove one of the two `[[languages]]` entries
language-empty-name = the language `{ $code }` has an empty `name`
hint-language-empty-name = write the language's name in its own script, e.g. `Українська` or `العربية`
language-no-name = the language `{ $code }` has no `name`
hint-language-no-name = add `name = "…"` with the language's name in its own script, e.g. `Українська`
language-bad-dir = unknown writing direction `{ $dir }`
hint-language-bad-dir = write `ltr` (left to right) or `rtl` (right to left), or leave `dir` out: konzept knows it from the code
language-bad-unit = unknown kind of text `{ $unit }` in `units`
hint-language-units = use some of { $kinds }
language-bad-threshold = `threshold` must be a percentage from 0 to 100, found `{ $value }`
hint-language-bad-threshold = e.g. `threshold = 90`: the language is published when 90 % of its texts are translated and current
language-below-threshold = the language `{ $code }` is not published: { $percent } % of its texts are translated and current, the threshold is { $threshold } %
hint-language-below-threshold = translate the rest in { $file }, or lower `threshold` for this language
po-unreadable = cannot read the translation: { $reason }
po-not-utf8 = the file is not UTF-8 text
hint-po-not-utf8 = save the PO file as UTF-8 (Poedit does so by default)
po-invalid = the PO file cannot be read: { $detail }
hint-po-invalid = open the file in Poedit or fix the line; `konzept translations update` rewrites a readable file
po-outdated = the translation of `{ $key }` is out of date
label-po-outdated = the German text changed since it was translated
hint-po-outdated = the German is in { $source }; run `konzept translations update`, revise the translation and remove the `fuzzy` flag
po-missing-many = { $count } of { $total } texts are not translated into `{ $code }` yet
hint-po-missing-status = `konzept translations status` lists them with file and line
hint-po-missing-create = `konzept translations update` creates { $file } for the translator
po-missing = `{ $key }` is not translated yet
hint-po-missing = the German is in { $source }; readers see it in German with a note
translations-fix-first = fix these errors first; no translation file was changed
translations-no-languages = book.toml lists no `[[languages]]`; nothing to update
translations-updated = { $how ->
        [created] created
        [unchanged] unchanged
       *[updated] updated
    } { $count } ({ $current } translated, { $missing } missing, { $outdated } to review)
translations-col-language = language
translations-col-texts = texts
translations-col-translated = translated
translations-col-missing = missing
translations-col-outdated = out of date
translations-col-published = published
translations-published-yes = yes
translations-published-no = no (threshold { $threshold } %)
translations-item-missing = missing
translations-item-outdated = out of date
translations-item = { $key } (German: { $source })

## Environment: folders, files and programs outside the sources

env-create-folder = cannot create `{ $dir }`
env-create-file = cannot create `{ $file }`
env-write-file = cannot write `{ $file }`
env-file-exists = `{ $file }` exists already; konzept never overwrites a file
env-staging-folder = cannot create a staging folder in `{ $dir }`
env-work-folder = cannot create a work folder in `{ $dir }`
env-output-not-moved-in = cannot move the new output to `{ $dir }`
env-output-old-not-moved = cannot move away the old `{ $dir }`
env-lock-file = cannot create the lock file `{ $file }`
env-lock = cannot lock `{ $file }`
env-theme-file-gone = the theme's file `{ $file }` can no longer be read
env-move-into-site = cannot move `{ $file }` into the site
env-project-folder = cannot open the project folder `{ $dir }`
env-watch-project = cannot watch the project folder
env-watch = cannot watch `{ $dir }`
env-web-server = cannot start the web server
env-rebuild-thread = cannot start the rebuild thread
env-background-thread = cannot start the background thread
env-search-start = cannot start the search indexer
env-search-index = search index: { $detail }
env-search-index-page = search index, page `{ $file }`: { $detail }
env-search-crashed = the search indexer crashed
env-search-old-not-moved = cannot move the old search index away
env-search-new-not-moved = cannot move the new search index in
env-ctrlc = cannot install the Ctrl-C handler: { $detail }
env-today-not-a-date = { $var }: `{ $value }` is not a date like `2025-02-17`
env-typst-timeout-not-number = { $var } must be a whole number of seconds, found `{ $found }`
env-typst-timeout-zero = typst's time limit must be at least one second
hint-typst-choose = pass --typst PATH or set { $var }
env-typst-flag = --typst `{ $path }` { $why }
env-typst-env = { $var } `{ $path }` { $why }
env-typst-tried = `{ $path }` { $why }
env-typst-missing = konzept needs typst { $version } to make the PDFs, but { $tried }
env-typst-not-installed = konzept needs typst { $version } to make the PDFs, but typst is not installed
typst-why-missing = does not exist
typst-why-cannot-run = cannot run: { $detail }
typst-why-version = reports `{ $found }`, not typst { $version }
typst-why-no-version = reports `nothing`, not typst { $version }
hint-typst-install = install typst { $version } with ./scripts/install-deps   (or: cargo install typst-cli --locked --version { $version })
hint-typst-no-pdf = or build only the website with `konzept build --no-pdf`
env-typst-cannot-run = cannot run `{ $program }`
env-typst-wait = cannot wait for typst
env-typst-no-output = typst wrote no `{ $file }`
env-pdf-not-finished = cannot finish `{ $file }`: { $detail }
env-pdf-no-page-count = cannot count the pages of `{ $file }`
env-pdf-not-read-back = cannot read back `{ $file }`: { $detail }
