// A valid value for each command's required options, so that a fuzzed option is the one that gets judged
// rather than a missing_argument error.
export const REQUIRED_VALUES: Record<string, Record<string, string>> = {
  ask: { question: 'When was Cienfuegos arrested?' },
  actor: { name: 'cisen' },
  event: { name: 'ayotzinapa' },
  policy: { name: 'merida' },
  search: { text: 'pegasus' },
  source: { ref: 'P1' },
  find: { text: 'Peña Nieto' },
};
