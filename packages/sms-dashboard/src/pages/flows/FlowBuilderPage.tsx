import { Alert, Anchor, Badge, Button, Card, Grid, Group, List, Modal, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { ApiError, apiPath, useAction, useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { AutomationTriggerOption, FlowGraph, FlowNode, FlowRunView, FlowView } from '@rapport/sms/schemas';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { usePreviews } from '../automations/use-previews.js';
import { AddStep } from './AddStep.js';
import { draftProblems } from './draft-check.js';
import { stepLabel } from './describe.js';
import { FlowCanvas } from './FlowCanvas.js';
import { FlowRunsTable } from './FlowRunsTable.js';
import { canRemove, removeStep, replaceNode, TRIGGER_ID } from './graph-edit.js';
import { StatusBadge } from './StatusBadge.js';
import { StepEditor } from './StepEditor.js';
import { TriggerEditor } from './TriggerEditor.js';

/** A problem the server found, tied to the box it is about (the trigger, or a step by id). */
interface Problem {
  at: string;
  msg: string;
}

/** Problems located in a graph (`["nodes", 2, "body"]`, or under `["body", "graph", …]`) → the boxes they are about. */
function problemsIn(graph: FlowGraph, items: readonly { loc: readonly (string | number)[]; msg: string }[]): Problem[] {
  return items.map((item) => {
    const loc = item.loc[0] === 'body' && item.loc[1] === 'graph' ? item.loc.slice(2) : item.loc;
    const node = loc[0] === 'nodes' && typeof loc[1] === 'number' ? graph.nodes[loc[1]] : undefined;
    return { at: node?.id ?? TRIGGER_ID, msg: item.msg };
  });
}

/**
 * Messaging → Automations → a flow: the visual builder. The canvas shows the trigger and every step with
 * its per-node counts; selecting a box opens its form beside it, with "Add a step" for each of its links.
 * Save draft keeps the graph (a live flow runs its published version meanwhile); Publish checks it against
 * the shop's catalog and refuses with every problem, each marked on its box.
 */
export function FlowBuilderPage() {
  const { id = '' } = useParams();
  const { api } = useDashboard();
  const navigate = useNavigate();
  const loaded = useLoad(() => api.get<FlowView>(apiPath`/api/flows/${id}`), [api, id]);
  const triggers = useLoad(
    () => api.get<{ triggers: AutomationTriggerOption[] }>('/api/automation-triggers').then((r) => r.triggers),
    [api],
  );
  const runs = useLoad(() => api.get<{ runs: FlowRunView[] }>(apiPath`/api/flows/${id}/runs`).then((r) => r.runs), [api, id]);
  const [view, setView] = useState<FlowView | undefined>(undefined);
  const [graph, setGraph] = useState<FlowGraph | undefined>(undefined);
  const [name, setName] = useState('');
  const [selected, setSelected] = useState(TRIGGER_ID);
  const [refused, setRefused] = useState<Problem[] | null>(null);
  const [deleting, setDeleting] = useState(false);
  const action = useAction();

  const show = useCallback((v: FlowView) => {
    setView(v);
    setGraph(v.graph);
    setName(v.name);
  }, []);
  useEffect(() => {
    if (loaded.data) show(loaded.data);
  }, [loaded.data, show]);

  const options = triggers.data ?? [];
  const eventTypes = useMemo(() => options.filter((o) => o.kind === 'event').map((o) => o.name), [options]);
  const propertiesOf = useCallback((type: string) => options.find((o) => o.kind === 'event' && o.name === type)?.tags ?? [], [options]);
  const triggerName = graph ? (graph.trigger.kind === 'event' ? graph.trigger.event_type : graph.trigger.trigger) : '';
  const triggerProperties = useMemo(
    () => options.find((o) => o.name === triggerName && o.kind === graph?.trigger.kind)?.tags ?? [],
    [options, triggerName, graph?.trigger.kind],
  );
  const bodies = useMemo(() => (graph?.nodes ?? []).flatMap((n) => (n.type === 'message' ? [n.body] : [])), [graph]);
  const previews = usePreviews(triggerName, bodies);

  const dirty =
    view !== undefined && graph !== undefined && (JSON.stringify(graph) !== JSON.stringify(view.graph) || name.trim() !== view.name);
  const problems: Problem[] = refused ?? (view && !dirty ? problemsIn(view.graph, view.problems) : []);
  const problemsOf = useCallback((at: string) => problems.filter((p) => p.at === at).length, [problems]);

  const call = (work: () => Promise<FlowView>) =>
    action.run(async () => {
      // Empty fields are named here, in words, before the server is asked (draft-check.ts).
      const gaps = graph ? draftProblems(graph) : [];
      if (gaps.length > 0) {
        setRefused(gaps);
        return;
      }
      try {
        show(await work());
        setRefused(null);
        runs.reload();
      } catch (e) {
        if (e instanceof ApiError && graph && e.items.some((i) => i.loc[1] === 'graph')) {
          setRefused(problemsIn(graph, e.items));
          return;
        }
        throw e;
      }
    });
  const save = () => api.request<FlowView>('PATCH', apiPath`/api/flows/${id}`, { name: name.trim(), graph });
  const onSave = () => call(save);
  const onPublish = () =>
    call(async () => {
      if (dirty) await save();
      return api.post<FlowView>(apiPath`/api/flows/${id}/publish`);
    });
  const onPause = () => call(() => api.post<FlowView>(apiPath`/api/flows/${id}/${view?.status === 'paused' ? 'resume' : 'pause'}`));

  if (loaded.error)
    return (
      <Alert color="red" role="alert" variant="light">
        {loaded.error.message}
      </Alert>
    );
  if (!view || !graph) return <Text c="dimmed">Loading…</Text>;

  const node = graph.nodes.find((n) => n.id === selected);
  const edit = (next: FlowGraph) => {
    setGraph(next);
    setRefused(null);
  };
  const boxes = [
    { value: TRIGGER_ID, label: 'Trigger' },
    ...graph.nodes.map((n) => ({ value: n.id, label: `${stepLabel(n.type)} (${n.id})` })),
  ];

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/automations" size="sm">
        ← Automations
      </Anchor>
      <Group justify="space-between" align="flex-end" gap="md">
        <Group gap="sm" align="flex-end">
          <TextInput label="Flow name" value={name} onChange={(e) => setName(e.currentTarget.value)} w={320} />
          <StatusBadge status={view.status} />
          {view.published_version !== null ? (
            <Badge variant="outline" color="gray">
              Version {view.published_version}
            </Badge>
          ) : null}
          {view.unpublished_changes && view.published_version !== null ? (
            <Badge variant="light" color="orange">
              Unpublished changes
            </Badge>
          ) : null}
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={onSave} disabled={!dirty || action.pending}>
            Save draft
          </Button>
          {view.status !== 'draft' ? (
            <Button variant="default" onClick={onPause} disabled={action.pending}>
              {view.status === 'paused' ? 'Resume' : 'Pause'}
            </Button>
          ) : null}
          <Button onClick={onPublish} loading={action.pending}>
            Publish
          </Button>
          <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
            Delete
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {view.runs.in_progress} in progress · {view.runs.completed} completed · {view.runs.exited} exited · {view.texts_sent} texts sent
      </Text>
      {action.error ? (
        <Alert color="red" role="alert" variant="light">
          {action.error}
        </Alert>
      ) : null}
      {problems.length > 0 ? (
        <Alert
          color="red"
          variant="light"
          title={refused ? 'The flow was not saved or published' : 'Fix these before publishing'}
          role="alert"
        >
          <List size="sm">
            {problems.map((p, i) => (
              <List.Item key={i}>
                <Anchor component="button" type="button" size="sm" onClick={() => setSelected(p.at)}>
                  {p.msg}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Tabs defaultValue="builder">
        <Tabs.List>
          <Tabs.Tab value="builder">Builder</Tabs.Tab>
          <Tabs.Tab value="runs">Runs ({view.versions.reduce((s, v) => s + v.runs, 0)})</Tabs.Tab>
          <Tabs.Tab value="versions">Versions ({view.versions.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="builder" pt="md">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <FlowCanvas graph={graph} counts={view.counts} problemsOf={problemsOf} selected={selected} onSelect={setSelected} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Card withBorder padding="md" component="section" aria-label="Selected step">
                <Stack gap="md">
                  <Select label="Edit" data={boxes} value={selected} allowDeselect={false} onChange={(v) => v && setSelected(v)} />
                  <Title order={2} size="h4">
                    {node ? stepLabel(node.type) : 'Trigger'}
                  </Title>
                  {problems
                    .filter((p) => p.at === selected)
                    .map((p, i) => (
                      <Text key={i} size="sm" c="red">
                        {p.msg}
                      </Text>
                    ))}
                  {node ? (
                    <StepEditor
                      node={node}
                      onChange={(n: FlowNode) => edit(replaceNode(graph, n))}
                      triggerProperties={triggerProperties}
                      eventTypes={eventTypes}
                      propertiesOf={propertiesOf}
                      previews={previews}
                      now={view.updated_at}
                    />
                  ) : (
                    <TriggerEditor
                      graph={graph}
                      onChange={edit}
                      triggerProperties={triggerProperties}
                      eventTypes={eventTypes}
                      propertiesOf={propertiesOf}
                    />
                  )}
                  <AddStep
                    graph={graph}
                    from={selected}
                    onAdded={(next, added) => {
                      edit(next);
                      setSelected(added);
                    }}
                  />
                  {node && canRemove(graph) ? (
                    <Group>
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        onClick={() => {
                          edit(removeStep(graph, node.id));
                          setSelected(TRIGGER_ID);
                        }}
                      >
                        Remove this step
                      </Button>
                    </Group>
                  ) : null}
                </Stack>
              </Card>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="runs" pt="md">
          {runs.error ? <Text c="red">{runs.error.message}</Text> : <FlowRunsTable runs={runs.data ?? []} show="subscriber" />}
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          {view.versions.length === 0 ? (
            <Text size="sm" c="dimmed">
              Not published yet.
            </Text>
          ) : (
            <List size="sm">
              {view.versions.map((v) => (
                <List.Item key={v.version}>
                  Version {v.version}, published {v.published_at.slice(0, 16).replace('T', ' ')} UTC — {v.runs}{' '}
                  {v.runs === 1 ? 'run' : 'runs'}
                </List.Item>
              ))}
            </List>
          )}
        </Tabs.Panel>
      </Tabs>
      <Modal opened={deleting} onClose={() => setDeleting(false)} title="Delete this flow?">
        <Stack gap="md">
          <Text size="sm">Its runs in progress end now and texts they still have queued are not sent.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(false)}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() =>
                action.run(async () => {
                  await api.request('DELETE', apiPath`/api/flows/${id}`);
                  void navigate('/automations');
                })
              }
            >
              Delete flow
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
