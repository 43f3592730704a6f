import { For, Show } from 'solid-js';
import type { CaseDetail } from '../../graphql/case-types';

function TextSection(props: { heading: string; text: string | null }) {
  return (
    <Show when={props.text}>
      {(text) => (
        <section class="teaching-section">
          <h3>{props.heading}</h3>
          <p class="teaching-text">{text()}</p>
        </section>
      )}
    </Show>
  );
}

function ListSection(props: { heading: string; items: string[]; ordered?: boolean }) {
  return (
    <Show when={props.items.length > 0}>
      <section class="teaching-section">
        <h3>{props.heading}</h3>
        <Show
          when={props.items.length > 1}
          fallback={<p class="teaching-text">{props.items[0]}</p>}
        >
          <ul class="teaching-list">
            <For each={props.items}>{(item) => <li>{item}</li>}</For>
          </ul>
        </Show>
      </section>
    </Show>
  );
}

function hasTeachingContent(c: CaseDetail): boolean {
  return Boolean(
    c.abstract || c.history || c.findings || c.diagnosis || c.discussion || c.category || c.level ||
      c.differentialDiagnosis.length || c.anatomy.length || c.pathology.length || c.organSystem.length ||
      c.keywords.length || c.diagnosisConfirmed.length || c.otherTeachingItems.length,
  );
}

/** The ATFI text in the order a radiologist reads a teaching case. */
export function TeachingContent(props: { case: CaseDetail }) {
  const c = () => props.case;
  const facts = () =>
    [
      { term: 'Category', value: c().category },
      { term: 'Level', value: c().level },
      { term: 'Diagnosis confirmed', value: c().diagnosisConfirmed.join(', ') || null },
    ].filter((fact): fact is { term: string; value: string } => Boolean(fact.value));

  return (
    <section class="panel teaching-content" aria-labelledby="teaching-heading">
      <h2 id="teaching-heading">Teaching content</h2>
      <Show
        when={hasTeachingContent(c())}
        fallback={
          <p class="empty-state">
            The sender included no teaching information (no ATFI report) with this case.
          </p>
        }
      >
        <TextSection heading="Abstract" text={c().abstract} />
        <TextSection heading="History" text={c().history} />
        <TextSection heading="Findings" text={c().findings} />
        <ListSection heading="Differential diagnosis" items={c().differentialDiagnosis} />
        <TextSection heading="Diagnosis" text={c().diagnosis} />
        <TextSection heading="Discussion" text={c().discussion} />
        <ListSection heading="Anatomy" items={c().anatomy} />
        <ListSection heading="Pathology" items={c().pathology} />
        <ListSection heading="Organ system" items={c().organSystem} />
        <Show when={c().keywords.length > 0}>
          <section class="teaching-section">
            <h3>Keywords</h3>
            <ul class="chips" aria-label="Keywords">
              <For each={c().keywords}>{(keyword) => <li class="chip">{keyword}</li>}</For>
            </ul>
          </section>
        </Show>
        <Show when={facts().length > 0}>
          <dl class="teaching-facts">
            <For each={facts()}>
              {(fact) => (
                <div>
                  <dt>{fact.term}</dt>
                  <dd>{fact.value}</dd>
                </div>
              )}
            </For>
          </dl>
        </Show>
        <Show when={c().otherTeachingItems.length > 0}>
          <section class="teaching-section">
            <h3>Other items</h3>
            <dl class="name-value-list">
              <For each={c().otherTeachingItems}>
                {(item) => (
                  <div>
                    <dt>{item.name}</dt>
                    <dd class="teaching-text">{item.value}</dd>
                  </div>
                )}
              </For>
            </dl>
          </section>
        </Show>
      </Show>
    </section>
  );
}
