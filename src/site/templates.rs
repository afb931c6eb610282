//! The MiniJinja environment: strict undefined, templates from the theme
//! layers, and the few filters the templates need.

use crate::msg;
use crate::theme::Theme;
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior, Value};

/// The template environment for `theme`.
pub fn environment(theme: &Theme) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .expect("the default delimiters are valid"),
    );
    let theme = theme.clone();
    env.set_loader(move |name| Ok(theme.read_string(&format!("templates/{name}"))));
    env.add_filter("thousands", |n: u64| crate::text::thousands(n));
    env.add_filter("german_date", |s: String| crate::text::german_date(&s));
    env.add_filter("attr_list", |v: Value| -> Result<String, Error> {
        // A list of records' ids as a space-separated attribute value.
        let mut out = Vec::new();
        for item in v.try_iter()? {
            let id = item
                .get_attr("id")
                .ok()
                .filter(|x| !x.is_undefined())
                .unwrap_or(item);
            out.push(id.to_string());
        }
        Ok(out.join(" "))
    });
    env.add_filter("pick", |idx: Value, list: Value| -> Result<Value, Error> {
        // `h.massnahmen_idx|pick(data.massnahmen)`: the records at these indexes.
        let mut out = Vec::new();
        for i in idx.try_iter()? {
            out.push(list.get_item(&i)?);
        }
        Ok(Value::from(out))
    });
    env.add_function("fail", |msg: String| -> Result<Value, Error> {
        Err(Error::new(ErrorKind::InvalidOperation, msg))
    });
    env
}

/// A template error in the words of an editor or designer: which template,
/// which line, what went wrong, and which page was rendering.
pub fn describe(e: &Error, page: &str, theme: &Theme) -> crate::diag::Diagnostic {
    let name = e.name().unwrap_or("?");
    let rel = format!("templates/{name}");
    let file = theme
        .origin(&rel)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| crate::tr!("builtin-theme-file", path = format!("templates/{name}")));
    let mut d = crate::diag::Diagnostic::error(
        file,
        msg!(
            "template-error",
            detail = e
                .detail()
                .map_or_else(|| e.kind().to_string(), str::to_string)
        ),
    )
    .hint(msg!("hint-template-page", page = page));
    if let Some(line) = e.line() {
        d = d.at(crate::diag::Span {
            line,
            column: 1,
            len: 1,
        });
    }
    d
}
