import { A } from '@solidjs/router';
import { PageHeading } from '../components/page-heading';

export function NotFoundPage() {
  return (
    <div class="page page-narrow">
      <PageHeading title="Page not found" />
      <p>There is no page at this address. If you typed it, check the spelling; if you followed a link, it may be out of date.</p>
      <p>
        <A href="/" class="button button-secondary">
          Go to My folders
        </A>
      </p>
    </div>
  );
}
