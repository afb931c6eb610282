//! `konzept build`: resolve the arguments, run [`konzept::build::run`],
//! print the findings and a summary.

use super::{BuildArgs, Exit, print_diagnostics};
use konzept::build;
use konzept::diag::Failure;
use konzept::findings::today::Day;

pub fn run(args: BuildArgs) -> anyhow::Result<Exit> {
    args.typst.apply(konzept::print::typst::DEFAULT_TIMEOUT)?;
    let opts = build::Options {
        root: args.root.root.clone(),
        out: args.out,
        force: args.force,
        no_pdf: args.no_pdf,
        print_out: args.print_out,
        today: Day::resolve(None).map_err(anyhow::Error::msg)?,
    };
    match build::run(&opts) {
        Err(Failure::Environment(e)) => Err(e),
        Err(Failure::Sources(diags)) => {
            print_diagnostics(&diags, &opts.root, args.diagnostic_format);
            eprintln!(
                "konzept: {} error(s), {} warning(s); nothing was written",
                diags.error_count(),
                diags.warning_count()
            );
            Ok(Exit::SourceErrors)
        }
        Ok(b) => {
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
