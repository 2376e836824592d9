// INSEE department codes (Code officiel géographique): 01–19, 2A, 2B, 21–95
// for metropolitan France, 971–976 for the overseas departments. A GUDA is
// scoped by its department (seed 000, art. 2: the guichet unique of the
// prefecture), so only a real code is accepted.
const METROPOLITAN = /^(0[1-9]|1[0-9]|2[AB1-9]|[3-8][0-9]|9[0-5])$/;
const OVERSEAS = /^97[1-6]$/;

/** The normalized code ("2a" → "2A", " 75 " → "75"), or null if it is not a department. */
export function parseInseeDepartment(input: string): string | null {
  const code = input.trim().toUpperCase();
  return METROPOLITAN.test(code) || OVERSEAS.test(code) ? code : null;
}
