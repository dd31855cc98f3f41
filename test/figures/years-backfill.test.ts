import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { headOfficeFiguresRepo } from '@crux/store/headoffice-figures-repo';
import { headOfficeKeys } from '@crux/store/keys';
import { describe, expect, it } from 'vitest';
import { figuresTable } from './seed';

describe("the head office's years, which the network's linked set spans", () => {
  it('on a table from before the job recorded them, are found once by asking each year; once recorded, the record is read', async () => {
    const { doc, table } = await figuresTable();
    const repo = headOfficeFiguresRepo(doc, table);
    expect(await repo.years()).toEqual([]);
    for (const year of [2019, 2023])
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...headOfficeKeys.year(year, 'ovre-eiker'), year },
        }),
      );
    expect(await repo.years()).toEqual([2019, 2023]);
    // Once the job has recorded the years, that record is the answer: nothing is asked year by year.
    await doc.send(new PutCommand({ TableName: table, Item: { ...headOfficeKeys.years, years: [2023] } }));
    expect(await repo.years()).toEqual([2023]);
  });
});
