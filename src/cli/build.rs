//! `konzept build`.

use super::{BuildArgs, Exit, print_diagnostics};
use konzept::build::{self, Outcome};

pub fn run(args: BuildArgs) -> anyhow::Result<Exit> {
    args.typst.apply(konzept::print::typst::DEFAULT_TIMEOUT)?;
    let opts = build::Options {
        root: args.root.root.clone(),
        out: args.out,
        force: args.force,
        no_pdf: args.no_pdf,
        print_out: args.print_out,
    };
    match build::run(&opts)? {
        Outcome::SourceErrors(diags) => {
            print_diagnostics(&diags, &opts.root, args.diagnostic_format);
            eprintln!(
                "konzept: {} error(s), {} warning(s); nothing was written",
                diags.error_count(),
                diags.warning_count()
            );
            Ok(Exit::SourceErrors)
        }
        Outcome::Built(b) => {
            print_diagnostics(&b.warnings, &opts.root, args.diagnostic_format);
            for n in &b.notes {
                eprintln!("{n}");
            }
            eprintln!(
                "konzept: built {} pages ({} files) into {} in {:.2} s",
                b.site.pages,
                b.site.files,
                b.out.display(),
                b.total_time.as_secs_f64()
            );
            Ok(Exit::Ok)
        }
    }
}
