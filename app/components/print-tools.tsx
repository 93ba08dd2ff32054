import { Link } from "@remix-run/react";

/**
 * The tool row above a printable record: back to its page, print, and (where there is one) its
 * PDF. Hidden when printing (`.record-tools` in the print styles). Callers pass the words in
 * their own namespace.
 */
export function PrintTools({
  back,
  printLabel,
  pdf,
}: {
  back: { to: string; label: string };
  printLabel: string;
  pdf?: { href: string; label: string };
}) {
  return (
    <p className="record-tools">
      <Link className="button" to={back.to}>
        {back.label}
      </Link>
      <button className="button" type="button" onClick={() => window.print()}>
        {printLabel}
      </button>
      {pdf ? (
        <a className="button" href={pdf.href} download>
          {pdf.label}
        </a>
      ) : null}
    </p>
  );
}
