import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CentreFiguresMonths, CentreFiguresYear } from '@crux/domain/figure-set';
import type { RoundResults, SurveyRoundResults } from '@crux/domain/survey/results';
import { latestComputedAt, toFigures } from './figure-items';
import { centreKeys } from './keys';
import { queryPrefix } from './query-all';
import { assertIssued, type TenantScope } from './tenant-scope';

/** The centre's own figures, as the figures job wrote them under `C#<centre>#FIG`: one Query each. */
export function centreFiguresRepo(doc: DynamoDBDocumentClient, table: string, scope: TenantScope) {
  assertIssued(scope);
  return {
    /** The year and the year before, which sit side by side in the partition: one range read. */
    async year(year: number): Promise<CentreFiguresYear> {
      const { Items = [] } = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :before AND :year',
          ExpressionAttributeValues: {
            ':pk': centreKeys.figuresPk(scope),
            ':before': centreKeys.figuresYear(scope, year - 1).SK,
            ':year': centreKeys.figuresYear(scope, year).SK,
          },
        }),
      );
      const of = (y: number) => Items.find((i) => i.SK === centreKeys.figuresYear(scope, y).SK);
      const current = of(year);
      const before = of(year - 1);
      return {
        year,
        figures: current ? toFigures(current.figures) : null,
        previous: before ? toFigures(before.figures) : null,
        computedAt: latestComputedAt(current ? [current] : []),
      };
    },

    /** A closed survey round's results, as the figures job wrote them: one GetItem (undefined until then). */
    async roundResults(round: string): Promise<SurveyRoundResults | undefined> {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: centreKeys.roundResults(scope, round) }),
      );
      if (!Item) return undefined;
      return {
        round,
        year: Number(Item.year),
        version: Number(Item.version),
        results: Item.results as RoundResults,
        computedAt: latestComputedAt([Item]),
      };
    },

    async months(year: number): Promise<CentreFiguresMonths> {
      const items = await queryPrefix(
        doc,
        table,
        centreKeys.figuresPk(scope),
        centreKeys.figuresMonthsOf(year),
      );
      const months = items.map((i) => ({
        month: String(i.month),
        figures: toFigures(i.figures),
        computedAt: latestComputedAt([i]),
      }));
      return { year, months };
    },
  };
}
