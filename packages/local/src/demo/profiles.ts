import { demoUser } from '../demo-users';
import { ovreEikerRegisters } from './register-targets';
import { type CentreProfile, ovreEikerPublished } from './targets';

const ovreEiker2024 = ovreEikerPublished[1];
const ovreEikerRegisters2024 = ovreEikerRegisters[1];
if (!ovreEiker2024 || !ovreEikerRegisters2024?.income) throw new Error('demo: Øvre Eiker 2024 is missing');

/** The volunteer each centre's demo volunteer account is linked to, named as the account is. */
const accountOf = (username: string) => {
  const user = demoUser(username);
  return { name: user.name.replace(/ \(.*\)$/, ''), subject: user.sub };
};

/**
 * The two demo centres. Øvre Eiker's 2023 and 2024 are its published table; its later years are drawn
 * around 2024. Tromsø (CRUX Huset) publishes no table here: all its years are drawn around a baseline
 * of its own, a little smaller in measures and with more outreach (home visits, prison visits, digital
 * follow-up) than Øvre Eiker.
 */
export const demoProfiles: readonly CentreProfile[] = [
  {
    centre: 'ovre-eiker',
    seed: 2024,
    firstYear: 2023,
    published: ovreEikerPublished,
    carriedIntoFirstYear: 24,
    baseline: {
      new: 21,
      endedShare: 0.42,
      measures: { ...ovreEiker2024.measures, clarification: 6 },
      orders: { ...ovreEiker2024.orders, electronic_monitoring: { persons: 3, hours: 300 } },
      kinds: { ...ovreEiker2024.kinds, wheel_conversation: 160 },
    },
    tripDay: '08-26',
    registers: {
      published: ovreEikerRegisters,
      baseline: {
        volunteers: { new: 5, hoursEach: 145, endedShare: 0.15 },
        carriedIntoFirstYear: 13,
        positions: ovreEikerRegisters2024.positions,
        substitutes: ovreEikerRegisters2024.substitutes,
        income: ovreEikerRegisters2024.income,
        shopKilograms: 2400,
      },
      account: accountOf('frivillig.ovre-eiker'),
    },
  },
  {
    centre: 'tromso',
    seed: 2001,
    firstYear: 2023,
    published: [],
    carriedIntoFirstYear: 22,
    baseline: {
      new: 18,
      endedShare: 0.4,
      measures: { nav_activity: 5, municipal_follow_up: 4, vto: 2, clarification: 3, mentor: 2 },
      orders: {
        community_sentence: { persons: 2, hours: 150 },
        fine_serving: { persons: 1, hours: 60 },
        electronic_monitoring: { persons: 2, hours: 200 },
      },
      kinds: {
        visit: 4200,
        contact_point: 5200,
        wheel_conversation: 160,
        support_conversation: 300,
        non_participant_support: 25,
        practical_help: 120,
        cabin_trip: 8,
        meeting_outside: 80,
        prison_visit: 30,
        digital_follow_up: 150,
        community_meeting_point: 200,
        exam_passed: 3,
        participant_meeting: 44,
        all_hands_meeting: 10,
        food_bag: 600,
        wish_tree_gift: 60,
        christmas_food_box: 50,
        christmas_gift_card: 30,
      },
    },
    tripDay: '06-17',
    registers: {
      published: [],
      baseline: {
        volunteers: { new: 5, hoursEach: 130, endedShare: 0.2 },
        carriedIntoFirstYear: 16,
        positions: [100, 100, 100, 100, 60, 50],
        substitutes: [],
        income: {
          helsedirektoratet: 1_400_000,
          kriminalomsorgsdirektoratet: 120_000,
          municipal_operating: 1_100_000,
          other_grants: 260_000,
          sales: 900_000,
          gifts: 150_000,
          other_income: 210_000,
        },
        shopKilograms: 1800,
      },
      account: accountOf('frivillig.tromso'),
    },
  },
];
