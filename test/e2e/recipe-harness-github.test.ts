/** The CI recipes on GitHub as a runner runs them: see recipe-harness.ts. */
import { describeRecipes } from './recipe-harness.js';

describeRecipes('GitHub');
