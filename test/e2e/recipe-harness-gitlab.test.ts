/** The CI recipes on GitLab as a runner runs them: see recipe-harness.ts. */
import { describeRecipes } from './recipe-harness.js';

describeRecipes('GitLab');
