import { createMemo, createSignal, For, Show } from 'solid-js';
import { formatDicomDate, pluralise } from '../../format';
import type { CaseSeries } from '../../graphql/case-types';
import { TableScroll } from '../table-scroll';

const INSTANCE_KIND_LABELS: Record<string, string> = {
  image: 'Image',
  manifest: 'Manifest (KOS)',
  atfi: 'Teaching information (ATFI)',
  document: 'Document',
};

function InstanceTable(props: { series: CaseSeries; id: string }) {
  return (
    <table class="data-table instance-table" id={props.id}>
      <caption class="visually-hidden">
        Instances of series {props.series.seriesNumber ?? ''} {props.series.description ?? ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Kind</th>
          <th scope="col">Frames</th>
          <th scope="col">Size</th>
          <th scope="col">SOP Instance UID</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.series.instances}>
          {(instance) => (
            <tr>
              <td class="tabular">{instance.instanceNumber ?? '—'}</td>
              <td>{INSTANCE_KIND_LABELS[instance.kind] ?? instance.kind}</td>
              <td class="tabular">{instance.numberOfFrames ?? 1}</td>
              <td class="tabular nowrap">{instance.rows && instance.columns ? `${instance.columns} × ${instance.rows}` : '—'}</td>
              <td class="uid">{instance.sopInstanceUid}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

function SeriesRows(props: { series: CaseSeries; index: number; open: boolean; onToggle(): void }) {
  const open = () => props.open;
  const instancesId = () => `series-${props.index}-instances`;
  const label = () => `series ${props.series.seriesNumber ?? props.index + 1}`;
  return (
    <>
      <tr>
        <td>{props.series.modality ?? '—'}</td>
        <td class="tabular">{props.series.seriesNumber ?? '—'}</td>
        <td>{props.series.description ?? <span class="muted">No description</span>}</td>
        <td>{props.series.bodyPart ?? '—'}</td>
        <td>{props.series.studyDate ? formatDicomDate(props.series.studyDate) : '—'}</td>
        <td>
          <button
            type="button"
            class="disclosure-button tabular"
            aria-expanded={open()}
            aria-controls={open() ? instancesId() : undefined}
            onClick={() => props.onToggle()}
          >
            <span class="disclosure-arrow" aria-hidden="true" />
            {props.series.instanceCount}
            <span class="visually-hidden">
              {' '}
              instances: {open() ? 'hide' : 'show'} the list of {label()}
            </span>
          </button>
        </td>
      </tr>
      <Show when={open()}>
        <tr class="instance-row">
          <td colSpan={6}>
            <InstanceTable series={props.series} id={instancesId()} />
          </td>
        </tr>
      </Show>
    </>
  );
}

/** The case's series in series-number order, each with its instances on demand (kept open across live updates). */
export function SeriesTable(props: { series: CaseSeries[] }) {
  const ordered = createMemo(() =>
    [...props.series].sort((a, b) => (a.seriesNumber ?? Number.MAX_SAFE_INTEGER) - (b.seriesNumber ?? Number.MAX_SAFE_INTEGER)),
  );
  const total = () => props.series.reduce((sum, s) => sum + s.instanceCount, 0);
  const [openSeries, setOpenSeries] = createSignal<ReadonlySet<string>>(new Set());
  const toggle = (uid: string) => {
    const next = new Set(openSeries());
    if (next.has(uid)) next.delete(uid);
    else next.add(uid);
    setOpenSeries(next);
  };
  return (
    <Show when={props.series.length > 0} fallback={<p class="empty-state">No images have arrived for this case yet.</p>}>
      <p class="list-count">
        {pluralise(props.series.length, 'series', 'series')}, {pluralise(total(), 'instance')}
      </p>
      <TableScroll label="Series">
        <table class="data-table series-table">
          <caption class="visually-hidden">Series in this case</caption>
          <thead>
            <tr>
              <th scope="col">Modality</th>
              <th scope="col">Series</th>
              <th scope="col">Description</th>
              <th scope="col">Body part</th>
              <th scope="col">Study date</th>
              <th scope="col">Instances</th>
            </tr>
          </thead>
          <tbody>
            <For each={ordered()}>{(series, index) => (
                <SeriesRows
                  series={series}
                  index={index()}
                  open={openSeries().has(series.seriesInstanceUid)}
                  onToggle={() => toggle(series.seriesInstanceUid)}
                />
              )}</For>
          </tbody>
        </table>
      </TableScroll>
    </Show>
  );
}
