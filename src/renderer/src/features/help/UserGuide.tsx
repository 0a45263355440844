/**
 * Help › User Guide (F1): how to work through a release, shipped inside the app so it reads the same
 * offline, with nothing fetched. Short on purpose: the keyboard is on the shortcut sheet (Help ›
 * Keyboard Shortcuts, or ? in a document), so the guide names the steps and where each one lives.
 */
import { Dialog } from '../../ui/Dialog'
import './help.css'

export function UserGuide({ onClose }: { onClose(): void }): React.JSX.Element {
  return (
    <Dialog
      title="User guide"
      testId="user-guide"
      onClose={onClose}
      actions={
        <button type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="user-guide">
        <section>
          <h3>1. Bring in the release</h3>
          <p>
            <b>File › Import PDFs…</b> (Ctrl+O), drop PDFs on the window, open a PDF with Withheld from your
            file manager, or name it when you start Withheld from a shell. <b>File › Open Recent</b> lists the
            last PDFs you opened. Each document is analysed in the background: boxes, pages withheld in full,
            unapplied redaction marks, and the ground printed beside each box.
          </p>
        </section>
        <section>
          <h3>2. Describe the release</h3>
          <p>
            In the library, give the release its agency, request reference and dates. Mark the agency’s
            response letter as such: the grounds it cites are then set against the grounds on the pages.
          </p>
        </section>
        <section>
          <h3>3. Review every redaction</h3>
          <p>
            Open a document. Each box is drawn in the colour of its ground family; the panel lists them in
            reading order. Accept (a) or dispute (d) each one, add a note (e), set grounds (g), draw a box the
            detector missed (b). A dimmed, dashed box is one the detector is unsure of: confirm it (a) or
            dismiss it (Del). Every change is saved at once and can be undone.
          </p>
        </section>
        <section>
          <h3>4. Check for leaks</h3>
          <p>
            A box marked <b>leak</b> still hides text that can be copied out, or a scanned image that still
            shows what is under it. Reports count such leaks and hash them; the text itself stays out unless
            you ask for it.
          </p>
        </section>
        <section>
          <h3>5. Report</h3>
          <p>
            <b>File › Export report…</b> (Ctrl+E) writes the register of redactions, what to ask the agency
            and a draft complaint as HTML, PDF, CSV, JSON or Markdown. <b>File › Print…</b> (Ctrl+P) prints
            what is on screen.
          </p>
        </section>
        <section>
          <h3>Your data</h3>
          <p>
            Everything stays on this computer: Withheld makes no network requests and never writes into your
            PDFs. It keeps rolling backups of the workspace; <b>File › Back up workspace…</b> and{' '}
            <b>Restore workspace…</b> move it between machines.
          </p>
        </section>
      </div>
    </Dialog>
  )
}
