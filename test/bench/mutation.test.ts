// The mutation bench's arithmetic: score per folder, target folders summing their subfolders.
import { scoresOf } from "../../bench/mutation.bench";

const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status) => ({ status })) });

describe("scoresOf", () => {
  test("killed and timed-out count as detected; errors and ignored mutants are left out of the score", () => {
    const { folders, overall } = scoresOf({
      "src/domain/rules/phone-invalid.ts": mutants("Killed", "Killed", "Timeout", "Survived", "CompileError", "Ignored"),
      "src/domain/rules/score-total.ts": mutants("NoCoverage", "Killed", "Killed", "Killed"),
      "src/cli/csv.ts": mutants("Survived", "Killed"),
    });
    expect(folders["src/domain/rules"]).toMatchObject({ killed: 5, timeout: 1, survived: 1, noCoverage: 1, other: 2, score: 75, target: 85, meetsTarget: false });
    expect(folders["src/cli"]).toMatchObject({ score: 50, target: 75, meetsTarget: false });
    expect(overall.score).toBe(70);
    expect(Object.keys(folders)).toEqual(["src/cli", "src/domain/rules"]);
  });

  test("a file in a subfolder counts for its own folder and for the target folder above it", () => {
    const { folders } = scoresOf({ "src/cli/deep/x.ts": mutants("Killed", "Killed", "Killed", "Survived") });
    expect(folders["src/cli/deep"]).toMatchObject({ score: 75 });
    expect(folders["src/cli/deep"]?.target).toBeUndefined();
    expect(folders["src/cli"]).toMatchObject({ score: 75, meetsTarget: true });
  });

  test("a folder whose mutants all failed to compile has no score", () => {
    expect(scoresOf({ "src/excel/a.ts": mutants("CompileError") }).folders["src/excel"]).toMatchObject({ score: null, meetsTarget: false });
  });
});
