// INSEE department codes for GUDA structures (src/lib/insee-department.ts).
import { describe, expect, it } from "vitest";
import { parseInseeDepartment } from "../../src/lib/insee-department";

describe("parseInseeDepartment", () => {
  it.each([
    ["01", "01"], ["19", "19"], ["2A", "2A"], ["2b", "2B"], [" 75 ", "75"], ["21", "21"], ["95", "95"], ["971", "971"], ["976", "976"],
  ])("accepts %j as %j", (input, expected) => expect(parseInseeDepartment(input)).toBe(expected));

  it.each(["", "0", "00", "1", "20", "2C", "96", "970", "977", "975a", "7501", "ab", "２Ａ"])("refuses %j (Corsica is 2A/2B since 1976, 96 does not exist, 977+ are not departments)", (input) =>
    expect(parseInseeDepartment(input)).toBeNull(),
  );
});
