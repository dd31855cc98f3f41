import { describe, expect, test } from 'vitest';
import type { Claims } from '../auth/claims';
import { homeOf, mayCall, mayOpen, navFor } from './access';
import { matchPath } from './paths';

const person = (role: Claims['role'], centre?: string): Claims => ({
  sub: 's',
  name: 'n',
  exp: 0,
  role,
  ...(centre ? { centre } : {}),
});

const open = (claims: Claims, path: string) => mayOpen(claims, matchPath(path));

describe('what each role may open', () => {
  test('URLs name the page and the centre', () => {
    expect(matchPath('/senter/ovre-eiker/i-dag')).toEqual({ page: 'today', centre: 'ovre-eiker' });
    expect(matchPath('/senter/tromso/deltakere/')).toEqual({ page: 'participants', centre: 'tromso' });
    expect(matchPath('/senter/tromso/deltakere/ny')).toEqual({ page: 'participantNew', centre: 'tromso' });
    expect(matchPath('/hovedkontor')).toEqual({ page: 'headOffice' });
    expect(matchPath('/senter/Tromso/i-dag')).toEqual({ page: 'notFound' });
    expect(matchPath('/senter/tromso/i-dag/extra')).toEqual({ page: 'notFound' });
    expect(matchPath('/senter/tromso%23x/i-dag')).toEqual({ page: 'notFound' });
    expect(matchPath('/senter/tromso/tilgangslogg')).toEqual({ page: 'accessLog', centre: 'tromso' });
    expect(matchPath('/senter/tromso/deltakere/abc-1/innsyn')).toEqual({
      page: 'accessReport',
      centre: 'tromso',
      id: 'abc-1',
    });
    expect(matchPath('/senter/tromso/deltakere/abc-1/annet')).toEqual({ page: 'notFound' });
    expect(matchPath('/senter/tromso/deltakere/abc-1/innsyn/x')).toEqual({ page: 'notFound' });
    expect(matchPath('/senter/tromso/i-dag/innsyn')).toEqual({ page: 'notFound' });
  });

  test('centre staff and leaders open their own centre only', () => {
    for (const role of ['staff', 'leader'] as const) {
      expect(open(person(role, 'tromso'), '/senter/tromso/i-dag')).toBe(true);
      expect(open(person(role, 'tromso'), '/senter/ovre-eiker/i-dag')).toBe(false);
      expect(open(person(role, 'tromso'), '/senter/ovre-eiker/deltakere/ny')).toBe(false);
      expect(open(person(role, 'tromso'), '/hovedkontor')).toBe(false);
      expect(open(person(role, 'tromso'), '/erfaringsnettverket')).toBe(false);
    }
    // `ovre` must never reach `ovre-eiker`.
    expect(open(person('staff', 'ovre'), '/senter/ovre-eiker/i-dag')).toBe(false);
  });

  test('only the leader opens the access log and the access report, and only at their own centre', () => {
    for (const path of ['/senter/tromso/tilgangslogg', '/senter/tromso/deltakere/abc-1/innsyn']) {
      expect(open(person('leader', 'tromso'), path)).toBe(true);
      expect(open(person('leader', 'bodo'), path)).toBe(false);
      for (const role of ['staff', 'volunteer', 'headoffice', 'network', 'admin'] as const)
        expect(open(person(role, 'tromso'), path), role).toBe(false);
    }
  });

  test('volunteers, the head office, the network and admins get only their own pages', () => {
    expect(open(person('volunteer', 'tromso'), '/senter/tromso/i-dag')).toBe(false);
    expect(open(person('volunteer', 'tromso'), '/senter/tromso/deltakere')).toBe(false);
    expect(open(person('headoffice'), '/hovedkontor')).toBe(true);
    expect(open(person('headoffice'), '/erfaringsnettverket')).toBe(false);
    expect(open(person('headoffice'), '/senter/tromso/i-dag')).toBe(false);
    expect(open(person('network'), '/erfaringsnettverket')).toBe(true);
    expect(open(person('network'), '/hovedkontor')).toBe(false);
    expect(open(person('admin'), '/hovedkontor')).toBe(false);
    expect(open(person('admin'), '/senter/tromso/i-dag')).toBe(false);
    expect(open(person('admin'), '/senter/tromso/kontoer')).toBe(false);
    expect(open(person('admin'), '/admin/nye-sentre')).toBe(true);
  });

  test("only a centre's leader opens its accounts page, and only the admin onboards centres", () => {
    expect(open(person('leader', 'tromso'), '/senter/tromso/kontoer')).toBe(true);
    expect(open(person('leader', 'tromso'), '/senter/ovre-eiker/kontoer')).toBe(false);
    for (const role of ['staff', 'volunteer'] as const)
      expect(open(person(role, 'tromso'), '/senter/tromso/kontoer')).toBe(false);
    for (const role of ['leader', 'staff', 'volunteer'] as const)
      expect(open(person(role, 'tromso'), '/admin/nye-sentre')).toBe(false);
    expect(open(person('headoffice'), '/admin/nye-sentre')).toBe(false);
    expect(open(person('admin'), '/admin/katalog')).toBe(true);
    expect(open(person('headoffice'), '/admin/katalog')).toBe(false);
    expect(open(person('leader', 'tromso'), '/admin/katalog')).toBe(false);
  });

  test("a centre's figures are its workers'; its settings its leader's alone", () => {
    expect(matchPath('/senter/tromso/tall')).toEqual({ page: 'figures', centre: 'tromso' });
    expect(open(person('staff', 'tromso'), '/senter/tromso/tall')).toBe(true);
    expect(open(person('staff', 'tromso'), '/senter/ovre-eiker/tall')).toBe(false);
    expect(open(person('volunteer', 'tromso'), '/senter/tromso/tall')).toBe(false);
    expect(open(person('leader', 'tromso'), '/senter/tromso/innstillinger')).toBe(true);
    expect(open(person('staff', 'tromso'), '/senter/tromso/innstillinger')).toBe(false);
  });

  test('the accessibility statement is open to everyone', () => {
    for (const role of ['staff', 'volunteer', 'headoffice', 'network', 'admin'] as const)
      expect(
        open(
          person(role, role === 'staff' || role === 'volunteer' ? 'tromso' : undefined),
          '/tilgjengelighet',
        ),
      ).toBe(true);
  });

  test("a centre's register pages: the volunteer their own hours, staff the shop, the leader the rest", () => {
    expect(matchPath('/senter/tromso/mine-timer')).toEqual({ page: 'volunteer', centre: 'tromso' });
    expect(matchPath('/senter/tromso/okonomi/2024')).toEqual({ page: 'notFound' });
    expect(matchPath('/senter/tromso/constructor')).toEqual({ page: 'notFound' });
    const volunteer = person('volunteer', 'tromso');
    expect(open(volunteer, '/senter/tromso/mine-timer')).toBe(true);
    expect(open(volunteer, '/senter/ovre-eiker/mine-timer')).toBe(false);
    for (const page of ['ombruk', 'stillinger', 'okonomi'])
      expect(open(volunteer, `/senter/tromso/${page}`)).toBe(false);
    expect(matchPath('/senter/tromso/frivillige')).toEqual({ page: 'volunteers', centre: 'tromso' });
    expect(open(volunteer, '/senter/tromso/frivillige')).toBe(false);
    const staff = person('staff', 'tromso');
    expect(open(staff, '/senter/tromso/ombruk')).toBe(true);
    expect(open(staff, '/senter/tromso/frivillige')).toBe(true);
    expect(open(staff, '/senter/ovre-eiker/frivillige')).toBe(false);
    expect(open(person('leader', 'tromso'), '/senter/tromso/frivillige')).toBe(true);
    expect(open(staff, '/senter/tromso/mine-timer')).toBe(false);
    expect(open(staff, '/senter/tromso/stillinger')).toBe(false);
    expect(open(staff, '/senter/tromso/okonomi')).toBe(false);
    const leader = person('leader', 'tromso');
    for (const page of ['ombruk', 'stillinger', 'okonomi'])
      expect(open(leader, `/senter/tromso/${page}`)).toBe(true);
    const hrefs = (claims: Claims) => navFor(claims).map((item) => item.href);
    expect(hrefs(staff)).not.toContain('/senter/tromso/stillinger');
    expect(hrefs(staff)).toContain('/senter/tromso/frivillige');
    expect(hrefs(leader)).toEqual(
      expect.arrayContaining(['/senter/tromso/stillinger', '/senter/tromso/okonomi']),
    );
    expect(hrefs(volunteer)).toEqual(['/senter/tromso/mine-timer']);
  });

  test("the survey: a centre's rounds for its workers, the questionnaire for the head office and the network", () => {
    expect(matchPath('/senter/tromso/undersokelse')).toEqual({ page: 'survey', centre: 'tromso' });
    expect(matchPath('/hovedkontor/sporreskjema')).toEqual({ page: 'surveyDraft' });
    expect(matchPath('/erfaringsnettverket/sporreskjema')).toEqual({ page: 'surveyComments' });
    expect(matchPath('/hovedkontor/sporreskjema/x')).toEqual({ page: 'notFound' });
    for (const role of ['staff', 'leader'] as const) {
      expect(open(person(role, 'tromso'), '/senter/tromso/undersokelse'), role).toBe(true);
      expect(open(person(role, 'tromso'), '/senter/bodo/undersokelse'), role).toBe(false);
    }
    for (const role of ['volunteer', 'participant', 'headoffice', 'network', 'admin'] as const)
      expect(open(person(role, 'tromso'), '/senter/tromso/undersokelse'), role).toBe(false);
    expect(open(person('headoffice'), '/hovedkontor/sporreskjema')).toBe(true);
    expect(open(person('network'), '/hovedkontor/sporreskjema')).toBe(false);
    expect(open(person('network'), '/erfaringsnettverket/sporreskjema')).toBe(true);
    expect(open(person('headoffice'), '/erfaringsnettverket/sporreskjema')).toBe(false);
    const hrefs = (claims: Claims) => navFor(claims).map((item) => item.href);
    expect(hrefs(person('staff', 'tromso'))).toContain('/senter/tromso/undersokelse');
    expect(hrefs(person('headoffice'))).toEqual(['/hovedkontor', '/hovedkontor/sporreskjema']);
    expect(hrefs(person('network'))).toEqual(['/erfaringsnettverket', '/erfaringsnettverket/sporreskjema']);
    // The leader's buttons follow the route table: staff read the rounds, only the leader opens one.
    const openRound = 'POST /api/centres/{centreId}/survey/rounds' as const;
    expect(mayCall(person('leader', 'tromso'), openRound, 'tromso')).toBe(true);
    expect(mayCall(person('leader', 'tromso'), openRound, 'bodo')).toBe(false);
    expect(mayCall(person('staff', 'tromso'), openRound, 'tromso')).toBe(false);
  });

  test('each role lands on its first page, or on none', () => {
    expect(homeOf(person('staff', 'tromso'))).toBe('/senter/tromso/i-dag');
    expect(homeOf(person('headoffice'))).toBe('/hovedkontor');
    expect(homeOf(person('network'))).toBe('/erfaringsnettverket');
    expect(homeOf(person('volunteer', 'tromso'))).toBe('/senter/tromso/mine-timer');
    expect(homeOf(person('admin'))).toBe('/admin/nye-sentre');
  });
});

describe('the wheel page', () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
  const wheel = `/senter/tromso/deltakere/${id}/hjul`;

  test('lives under the participant, and nothing deeper', () => {
    expect(matchPath(wheel)).toEqual({ page: 'wheel', centre: 'tromso', id });
    expect(matchPath(`${wheel}/mer`)).toEqual({ page: 'notFound' });
    expect(matchPath(`/senter/tromso/deltakere/${id}/annet`)).toEqual({ page: 'notFound' });
  });

  test('staff, leaders and the participant open it at their own centre; a volunteer does not', () => {
    const participant: Claims = { ...person('participant', 'tromso'), participant: id };
    expect(open(person('staff', 'tromso'), wheel)).toBe(true);
    expect(open(person('leader', 'tromso'), wheel)).toBe(true);
    expect(open(participant, wheel)).toBe(true);
    expect(open(person('staff', 'ovre-eiker'), wheel)).toBe(false);
    expect(open(person('volunteer', 'tromso'), wheel)).toBe(false);
    expect(homeOf(participant)).toBe(wheel);
  });
});

describe('the plan for partners', () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
  const printout = `/senter/tromso/deltakere/${id}/samarbeidsplan`;

  test('lives under the participant, and nothing deeper', () => {
    expect(matchPath(printout)).toEqual({ page: 'partnerPlan', centre: 'tromso', id });
    expect(matchPath(`${printout}/mer`)).toEqual({ page: 'notFound' });
  });

  test('staff and leaders print it at their own centre; the participant and a volunteer do not', () => {
    const participant: Claims = { ...person('participant', 'tromso'), participant: id };
    expect(open(person('staff', 'tromso'), printout)).toBe(true);
    expect(open(person('leader', 'tromso'), printout)).toBe(true);
    expect(open(participant, printout)).toBe(false);
    expect(open(person('staff', 'ovre-eiker'), printout)).toBe(false);
    expect(open(person('volunteer', 'tromso'), printout)).toBe(false);
  });
});

describe("the participant's own access report", () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
  const report = `/senter/tromso/deltakere/${id}/innsyn`;

  test('the participant opens "who has read my plan" for themselves; staff do not', () => {
    const participant: Claims = { ...person('participant', 'tromso'), participant: id };
    expect(open(participant, report)).toBe(true);
    expect(open(person('leader', 'tromso'), report)).toBe(true);
    expect(open(person('staff', 'tromso'), report)).toBe(false);
  });
});
